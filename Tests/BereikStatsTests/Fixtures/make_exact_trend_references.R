# Reference values for ExactTrendTest: the exact conditional Cochran–Armitage test from
# coin::independence_test(distribution = exact(algorithm = "shift")) with level scores (Debian r-cran-coin 1.4-2),
# and the asymptotic prop.trend.test beside it.
# Reproduce: Rscript Tests/BereikStatsTests/Fixtures/make_exact_trend_references.R > Tests/BereikStatsTests/Fixtures/exact_trend_r.csv
suppressMessages(library(coin))
cases <- list(
  list(x = c(143, 17, 2), n = c(400, 39, 8)),     # a core team of eight
  list(x = c(30, 4, 0), n = c(60, 10, 5)),
  list(x = c(2, 3, 6), n = c(10, 8, 7)),
  list(x = c(12, 5, 1, 0), n = c(40, 12, 4, 3)),
  list(x = c(100, 20, 6), n = c(400, 50, 8)),     # group is the larger side: complement enumerated
  list(x = c(1, 0), n = c(9, 6)),
  list(x = c(700, 80, 9), n = c(1000, 100, 10))
)
cat("case,x,n,p_exact,p_asymptotic\n")
for (i in seq_along(cases)) {
  x <- cases[[i]]$x; n <- cases[[i]]$n
  score <- rep(seq_along(n), n)
  member <- factor(unlist(lapply(seq_along(n), function(l) c(rep("in", x[l]), rep("out", n[l] - x[l])))), levels = c("in", "out"))
  # Two-sample form: the statistic is the sum of the members' level scores, T = sum(l * x_l).
  t <- independence_test(score ~ member, distribution = exact(algorithm = "shift"))
  a <- suppressWarnings(prop.trend.test(x, n))
  cat(sprintf("%d,%s,%s,%.17g,%.17g\n", i, paste(x, collapse = " "), paste(n, collapse = " "), pvalue(t), a$p.value))
}
