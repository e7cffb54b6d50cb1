# Reference values for TrendTest from base R's prop.trend.test.
# Reproduce: Rscript Tests/BereikStatsTests/Fixtures/make_trend_references.R > Tests/BereikStatsTests/Fixtures/trend_r.csv
cases <- list(
  list(x = c(15, 10, 12, 6), n = c(1000, 1000, 1000, 1000)),
  list(x = c(83, 90, 129, 70), n = c(86, 93, 136, 82)),
  list(x = c(5, 9, 14, 22, 30, 41), n = c(5000, 5000, 5000, 5000, 5000, 5000)),
  list(x = c(0, 2, 1, 4), n = c(300, 310, 290, 305)),
  list(x = c(40, 38, 44, 39, 41), n = c(2000, 1900, 2100, 2000, 1950))
)
cat("case,chi2,p\n")
for (i in seq_along(cases)) {
  t <- suppressWarnings(prop.trend.test(cases[[i]]$x, cases[[i]]$n))
  cat(sprintf("%d,%.17g,%.17g\n", i, unname(t$statistic), t$p.value))
}
