# Reference values for PoissonRegression (IRLS on GSL): R glm(family = poisson) and quasipoisson,
# sandwich::vcovCL (cluster = buurt; default for glm: HC0 with the G/(G - 1) adjustment), and
# anova(reduced, full) likelihood-ratio (Chisq) and F tests. Cases are made for the tests: buurt x
# category cells with residents N (offset log N), participants y, a buurt SES score, SES groups.
#
# Reproduce (from the repository root; Debian: r-base-core, r-cran-sandwich):
#   Rscript Tests/BereikStatsTests/Fixtures/make_poisson_references.R > Tests/BereikStatsTests/Fixtures/poisson_references.csv
suppressMessages(library(sandwich))
set.seed(20261126)

make_case <- function(buurten, categories, base, effects, gamma, extra_sd) {
  d <- expand.grid(cat = seq_len(categories), buurt = seq_len(buurten))
  ses <- round(rnorm(buurten, 0, 0.4), 3)
  d$ses <- ses[d$buurt]
  d$sesgroup <- as.integer(cut(ses, quantile(ses, c(0, 1/3, 2/3, 1)), include.lowest = TRUE))[d$buurt]
  d$N <- sample(150:3000, nrow(d), replace = TRUE)
  u <- rnorm(buurten, 0, extra_sd)[d$buurt]
  mu <- d$N * base * exp(effects[d$cat] + gamma * d$ses + u)
  d$y <- rpois(nrow(d), mu)
  d
}

cases <- list(
  make_case(12, 3, 0.02, c(0, -0.5, 0.3), 0.6, 0.0),
  make_case(20, 2, 0.015, c(0, -0.7), 0.9, 0.4),
  make_case(29, 5, 0.01, c(0, 0.2, -0.3, 0.5, -1.0), -0.4, 0.25),
  make_case(8, 3, 0.05, c(0, 0.1, -0.2), 0.0, 0.1)
)

rows <- list()
emit <- function(case, model, term, what, value) {
  rows[[length(rows) + 1]] <<- data.frame(case = case, model = model, term = term, what = what,
                                           value = sprintf("%.15g", value))
}
for (k in seq_along(cases)) {
  d <- cases[[k]]
  d$cat <- factor(d$cat); d$sesgroup <- factor(d$sesgroup)
  # The data, so the Swift test fits the very same cells.
  for (i in seq_len(nrow(d))) {
    emit(k, "data", i, "buurt", d$buurt[i]); emit(k, "data", i, "cat", as.integer(d$cat[i]))
    emit(k, "data", i, "ses", d$ses[i]); emit(k, "data", i, "sesgroup", as.integer(d$sesgroup[i]))
    emit(k, "data", i, "N", d$N[i]); emit(k, "data", i, "y", d$y[i])
  }
  models <- list(
    score = y ~ cat + ses + offset(log(N)),
    groups = y ~ cat + sesgroup + offset(log(N)),
    catonly = y ~ cat + offset(log(N)),
    sesonly = y ~ ses + offset(log(N)),
    interaction = y ~ cat * sesgroup + offset(log(N))
  )
  fits <- list()
  for (name in names(models)) {
    fit <- glm(models[[name]], family = poisson, data = d, control = glm.control(epsilon = 1e-12, maxit = 100))
    fits[[name]] <- fit
    q <- glm(models[[name]], family = quasipoisson, data = d, control = glm.control(epsilon = 1e-12, maxit = 100))
    rob <- sqrt(diag(vcovCL(fit, cluster = ~buurt)))
    sq <- summary(q)$coefficients
    for (j in seq_along(coef(fit))) {
      term <- names(coef(fit))[j]
      emit(k, name, term, "coef", coef(fit)[j])
      emit(k, name, term, "se", sqrt(diag(vcov(fit)))[j])
      emit(k, name, term, "se_quasi", sq[j, 2])
      emit(k, name, term, "p_quasi", sq[j, 4])
      emit(k, name, term, "se_robust", rob[j])
    }
    emit(k, name, "", "deviance", deviance(fit))
    emit(k, name, "", "df_residual", df.residual(fit))
    emit(k, name, "", "dispersion", summary(q)$dispersion)
    emit(k, name, "", "pearson", sum(residuals(fit, type = "pearson")^2))
  }
  # Term tests: the full model against the model without the term (LR chi-squared, and F with the full model's dispersion).
  pairs <- list(c("catonly", "score"), c("sesonly", "score"), c("catonly", "groups"), c("groups", "interaction"))
  for (p in pairs) {
    a <- anova(fits[[p[1]]], fits[[p[2]]], test = "Chisq")
    qa <- glm(formula(fits[[p[1]]]), family = quasipoisson, data = d, control = glm.control(epsilon = 1e-12, maxit = 100))
    qb <- glm(formula(fits[[p[2]]]), family = quasipoisson, data = d, control = glm.control(epsilon = 1e-12, maxit = 100))
    f <- anova(qa, qb, test = "F")
    label <- paste(p[1], p[2], sep = ">")
    emit(k, "test", label, "lr", a$Deviance[2]); emit(k, "test", label, "df", a$Df[2])
    emit(k, "test", label, "p_lr", a[["Pr(>Chi)"]][2])
    emit(k, "test", label, "F", f$F[2]); emit(k, "test", label, "p_F", f[["Pr(>F)"]][2])
  }
}
write.csv(do.call(rbind, rows), stdout(), row.names = FALSE, quote = TRUE)
