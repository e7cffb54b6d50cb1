# Reference values for LogitHeterogeneity, from R metafor (Debian r-cran-metafor 3.8).
# Reproduce (from the repository root):
#   apt-get install r-cran-metafor
#   Rscript Tests/BereikStatsTests/Fixtures/make_heterogeneity_references.R > Tests/BereikStatsTests/Fixtures/heterogeneity_metafor.csv
suppressMessages(library(metafor))
cases <- list(
  list(x = c(12, 30, 5, 44, 19), n = c(800, 1500, 600, 1800, 1100)),
  list(x = c(0, 3, 9, 14), n = c(250, 300, 400, 420)),
  list(x = c(40, 41, 39, 42), n = c(1000, 1000, 1000, 1000)),
  list(x = c(1, 80), n = c(90, 100)),
  list(x = c(25, 2, 60, 7, 0, 33, 18, 90), n = c(2400, 350, 3100, 900, 150, 2000, 1700, 3600)),
  list(x = c(5, 5, 5), n = c(100, 200, 5)),
  list(x = c(220, 310, 150, 95, 400, 120), n = c(9000, 15000, 4000, 6000, 11000, 3000))
)
cat("case,k,q,q_p,i2,tau2,mu,se,pred_lower,pred_upper,pooled_lower,pooled_upper\n")
for (i in seq_along(cases)) {
  d <- escalc(measure = "PLO", xi = cases[[i]]$x, ni = cases[[i]]$n)
  m <- rma(yi, vi, data = d, method = "DL")
  p <- predict(m, transf = transf.ilogit)
  cat(sprintf("%d,%d,%.17g,%.17g,%.17g,%.17g,%.17g,%.17g,%.17g,%.17g,%.17g,%.17g\n", i, m$k, m$QE, m$QEp, m$I2, m$tau2,
              as.numeric(m$b), m$se, p$pi.lb, p$pi.ub, p$ci.lb, p$ci.ub))
}
