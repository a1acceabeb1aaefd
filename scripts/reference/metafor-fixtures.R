# Reference fixtures for src/lib/pooling, computed by metafor itself.
#
# Regenerate (tests never need R; they read the committed JSON):
#   apt-get update && apt-get install -y r-cran-metafor r-cran-lme4 r-cran-jsonlite
#   Rscript scripts/reference/metafor-fixtures.R        # from the repository root
# Writes tests/fixtures/metafor/<dataset>.json and distributions.json.
#
# Each fixture has a `source` header (R and metafor versions, and the R calls) and one entry
# per fit: every measure (PLO, PFT, PAS, PR) x method (DL, REML, PM) x test ("z", "knha").
# REML and PM are run with tight convergence (threshold / tol 1e-12): metafor's defaults
# stop at 1e-5 (REML) and .Machine$double.eps^0.25 (PM, about 1e-4 absolute on tau2), which
# would make the reference less precise than the code under test.
# Leave-one-out and cumulative fits are metafor's leave1out() and cumul() on the transformed
# scale; for PFT each fit is back-transformed with the harmonic mean n of the studies in it.

suppressMessages({
  library(metafor)
  library(jsonlite)
})

out_dir <- file.path("tests", "fixtures", "metafor")
dir.create(out_dir, recursive = TRUE, showWarnings = FALSE)

versions <- list(R = R.version.string, metafor = as.character(packageVersion("metafor")),
                 metadat = as.character(packageVersion("metadat")))

fin <- function(x) { x <- as.numeric(x); x[!is.finite(x)] <- NA; x }
arr <- function(x) I(fin(x))
pair <- function(a, b) I(fin(c(a, b)))

back <- function(measure, x, ni) {
  x <- as.numeric(x)
  switch(measure,
    PLO = transf.ilogit(x),
    PAS = transf.iarcsin(x),
    PFT = transf.ipft.hm(x, targs = list(ni = ni)),
    PR = x)
}

control_for <- function(method) {
  switch(method, DL = list(), REML = list(threshold = 1e-12, maxiter = 1000), PM = list(tol = 1e-12, maxiter = 1000))
}

fit_rma <- function(xi, ni, measure, method, test) {
  suppressWarnings(rma(measure = measure, xi = xi, ni = ni, method = method, test = test,
                       control = control_for(method)))
}

summary_of <- function(res, measure, ni) {
  p <- predict(res)
  list(estimate = fin(p$pred), se = fin(p$se),
       ci = pair(p$ci.lb, p$ci.ub), pi = pair(p$pi.lb, p$pi.ub),
       proportion = fin(back(measure, p$pred, ni)),
       proportion_ci = pair(back(measure, p$ci.lb, ni), back(measure, p$ci.ub, ni)),
       proportion_pi = pair(back(measure, p$pi.lb, ni), back(measure, p$pi.ub, ni)),
       pi_hts = hts_pi(res, p),
       proportion_pi_hts = if (res$k >= 3) I(fin(back(measure, hts_pi(res, p), ni))) else NULL)
}

# Higgins, Thompson & Spiegelhalter (2009) prediction interval: pred +- qt(0.975, k - 2) sqrt(tau2 + se^2),
# only for k >= 3 (metafor 3.8's predict() has no such option, so it is computed here from the fit).
hts_pi <- function(res, p) {
  if (res$k < 3) return(NULL)
  half <- qt(0.975, res$k - 2) * sqrt(res$tau2 + p$se^2)
  pair(p$pred - half, p$pred + half)
}

one_fit <- function(d, measure, method, hakn, extras) {
  test <- if (hakn) "knha" else "z"
  res <- fit_rma(d$events, d$total, measure, method, test)
  call <- sprintf('rma(measure="%s", xi=events, ni=total, method="%s", test="%s"%s)', measure, method, test,
                  if (method == "DL") "" else if (method == "REML") ", control=list(threshold=1e-12, maxiter=1000)"
                  else ", control=list(tol=1e-12, maxiter=1000)")
  eg <- tryCatch(suppressWarnings(regtest(res, model = "lm")), error = function(e) NULL)
  # With all yi equal the regression fits perfectly and lm's t is rounding noise: not estimable.
  # With fewer than three distinct SEs the regression of yi/sei on 1/sei fits exactly: also noise.
  degenerate <- diff(range(res$yi)) <= 1e-12 * max(abs(res$yi)) || length(unique(signif(sqrt(res$vi), 12))) < 3
  egger <- if (is.null(eg) || degenerate || !is.finite(eg$zval)) NULL else list(t = fin(eg$zval), df = fin(eg$dfs), p = fin(eg$pval))
  fit <- list(measure = measure, method = method, hakn = hakn, call = call,
              pooled = summary_of(res, measure, d$total),
              heterogeneity = list(tau2 = fin(res$tau2), Q = fin(res$QE), df = res$k - res$p, pQ = fin(res$QEp),
                                   I2 = fin(res$I2), H2 = fin(res$H2)),
              egger = egger)
  if (extras$weights) fit$weights <- arr(weights(res))
  if (extras$loo && nrow(d) >= 2) {
    l <- suppressWarnings(leave1out(res))
    fit$leave_one_out <- lapply(seq_len(nrow(d)), function(i) list(
      omitted = d$study[i], estimate = fin(l$estimate[i]),
      proportion = fin(back(measure, l$estimate[i], d$total[-i])),
      ci = pair(back(measure, l$ci.lb[i], d$total[-i]), back(measure, l$ci.ub[i], d$total[-i]))))
  }
  if (extras$cumul && !is.null(d$year)) {
    o <- order(d$year) # stable: ties keep input order
    ds <- d[o, ]
    rs <- fit_rma(ds$events, ds$total, measure, method, test)
    cm <- suppressWarnings(cumul(rs))
    fit$cumulative <- lapply(seq_len(nrow(ds)), function(j) list(
      study = ds$study[j], estimate = fin(cm$estimate[j]),
      proportion = fin(back(measure, cm$estimate[j], ds$total[seq_len(j)])),
      ci = pair(back(measure, cm$ci.lb[j], ds$total[seq_len(j)]), back(measure, cm$ci.ub[j], ds$total[seq_len(j)]))))
  }
  if (extras$subgroups && !is.null(d$group)) {
    groups <- unique(d$group)
    fits <- lapply(groups, function(g) {
      s <- d[d$group == g, ]
      list(group = g, res = fit_rma(s$events, s$total, measure, method, test), ni = s$total)
    })
    fit$subgroups <- lapply(fits, function(f) {
      p <- summary_of(f$res, measure, f$ni)
      list(group = f$group, k = f$res$k, estimate = p$estimate, se = p$se, proportion = p$proportion,
           ci = p$proportion_ci, tau2 = fin(f$res$tau2), I2 = fin(f$res$I2))
    })
    est <- sapply(fits, function(f) as.numeric(coef(f$res)))
    se <- sapply(fits, function(f) f$res$se)
    # With one subgroup there is nothing to compare: recorded as null (no test).
    between <- if (length(groups) < 2) NULL else tryCatch(rma(yi = est, sei = se, method = "FE"), error = function(e) NULL)
    # A subgroup SE of 0 (Hartung-Knapp on identical studies) makes this rma() fail: recorded as null.
    fit["between"] <- list(if (is.null(between)) NULL else list(Q = fin(between$QE), df = between$k - 1, p = fin(between$QEp)))
    fit$between_call <- "rma(yi=subgroup estimates, sei=subgroup SEs, method=\"FE\")$QE"
    # Mixed-effects subgroup test with one common tau2 (Borenstein et al.): the QM test of the moderator.
    mixed <- if (length(groups) < 2) NULL else tryCatch(suppressWarnings(
      rma(measure = measure, xi = d$events, ni = d$total, mods = ~ factor(d$group, levels = groups), method = method,
          test = test, control = control_for(method))), error = function(e) NULL)
    fit["mixed_between"] <- list(if (is.null(mixed)) NULL else list(
      QM = fin(mixed$QM), df = fin(mixed$QMdf[1]), df2 = fin(mixed$QMdf[2]), p = fin(mixed$QMp), tau2 = fin(mixed$tau2)))
    fit$mixed_between_call <- sprintf('rma(measure="%s", xi=events, ni=total, mods=~factor(group), method="%s", test="%s")$QM',
                                      measure, method, test)
  }
  fit
}

write_fixture <- function(name, description, d, extras = list(weights = TRUE, loo = TRUE, cumul = TRUE, subgroups = TRUE),
                          extras_only = NULL) {
  fits <- list()
  for (measure in c("PLO", "PFT", "PAS", "PR")) for (method in c("DL", "REML", "PM")) for (hakn in c(FALSE, TRUE)) {
    ex <- extras
    if (!is.null(extras_only) && !(measure == extras_only$measure && method == extras_only$method && hakn == extras_only$hakn)) {
      ex <- list(weights = FALSE, loo = FALSE, cumul = FALSE, subgroups = extras$subgroups)
    }
    fits[[length(fits) + 1]] <- one_fit(d, measure, method, hakn, ex)
  }
  effects <- lapply(c("PLO", "PFT", "PAS", "PR"), function(m) {
    e <- escalc(m, xi = d$events, ni = d$total)
    list(measure = m, yi = arr(e$yi), vi = arr(e$vi))
  })
  cp <- lapply(seq_len(nrow(d)), function(i) arr(binom.test(d$events[i], d$total[i])$conf.int))
  data <- list(study = I(d$study), events = I(d$events), total = I(d$total))
  if (!is.null(d$group)) data$group <- I(d$group)
  if (!is.null(d$year)) data$year <- I(d$year)
  fixture <- list(
    source = list(description = description, versions = versions,
                  calls = c("escalc(measure, xi=events, ni=total)", "rma(...) as in each fit's call; predict(res, transf=)",
                            "weights(res)", "regtest(res, model=\"lm\")", "leave1out(res)", "cumul(rma on data sorted by order(year))",
                            "binom.test(events, total)$conf.int"),
                  script = "scripts/reference/metafor-fixtures.R"),
    data = data, effects = effects, clopper_pearson = cp, fits = fits)
  writeLines(toJSON(fixture, auto_unbox = TRUE, digits = NA, null = "null", na = "null", pretty = FALSE),
             file.path(out_dir, paste0(name, ".json")))
  cat("wrote", name, "\n")
}

# Real published data sets from metadat.
p <- metadat::dat.pritz1997
write_fixture("pritz1997", "dat.pritz1997: facial nerve preservation, 14 studies",
              data.frame(study = p$authors, events = p$xi, total = p$ni, stringsAsFactors = FALSE))
b <- metadat::dat.debruin2009
write_fixture("debruin2009", "dat.debruin2009: proportion of patients with an undetectable viral load, 13 studies; group = ethnicity, year",
              data.frame(study = b$author, events = b$xi, total = b$ni, group = as.character(b$ethnicity), year = b$year,
                         stringsAsFactors = FALSE))
g <- metadat::dat.pagliaro1992
write_fixture("pagliaro1992", "dat.pagliaro1992: first bleeding, 54 arms incl. zero events; group = trt",
              data.frame(study = paste0("study ", g$study, " ", g$trt), events = g$xi, total = g$ni, group = as.character(g$trt),
                         stringsAsFactors = FALSE))

# Oncology-sized sparse set: zero-event and all-event arms, small n, tied years.
write_fixture("sparse-oncology", "hand-made: 9 small CAR-NK-like arms with 0/n and n/n responses, two groups, tied years",
              data.frame(study = c("Liu 2020", "Marin, et al. 2024", "Bachanova \"Phase 1\"", "Smith 2021", "Ng 2022",
                                   "Ortiz 2022", "Park 2023", "Quinn 2021", "Roy 2024"),
                         events = c(8, 0, 3, 5, 0, 11, 2, 4, 6), total = c(11, 6, 9, 5, 3, 11, 12, 4, 20),
                         group = c("heme", "heme", "heme", "solid", "solid", "heme", "solid", "heme", "solid"),
                         year = c(2020, 2024, 2022, 2021, 2022, 2022, 2023, 2021, 2024), stringsAsFactors = FALSE))

# Edge cases.
write_fixture("k1", "edge: a single study", data.frame(study = "Only 2021", events = 3, total = 10, group = "a", year = 2021,
                                                      stringsAsFactors = FALSE))
write_fixture("k2", "edge: two studies", data.frame(study = c("A", "B"), events = c(2, 9), total = c(10, 12),
                                                   group = c("a", "b"), year = c(2022, 2020), stringsAsFactors = FALSE))
write_fixture("identical", "edge: four identical studies (tau2 = 0, Egger not estimable)",
              data.frame(study = c("A", "B", "C", "D"), events = 5, total = 20, group = c("x", "x", "y", "y"),
                         year = c(2020, 2020, 2020, 2020), stringsAsFactors = FALSE))
write_fixture("identical-within-groups", "edge: identical studies within each of two subgroups (Hartung-Knapp SE exactly 0)",
              data.frame(study = c("A", "B", "C", "D"), events = c(5, 5, 9, 9), total = 20, group = c("x", "x", "y", "y"),
                         stringsAsFactors = FALSE))
# n = 1-2 arms beside n ~ 10^4 arms: undamped Fisher scoring for REML falls into a 2-cycle here.
write_fixture("reml-cycle", "edge: arms of n = 1-2 beside arms of n ~ 10^4 (REML likelihood with a far maximum)",
              data.frame(study = sprintf("S%02d", 1:11), events = c(2, 0, 1, 1, 8358, 0, 0, 9470, 0, 1, 0),
                         total = c(2, 2, 1, 1, 10102, 2, 1, 11210, 1, 2, 1), group = rep(c("a", "b"), length.out = 11),
                         stringsAsFactors = FALSE))
write_fixture("all-zero", "edge: every study has zero events",
              data.frame(study = c("A", "B", "C"), events = 0, total = c(5, 12, 30), stringsAsFactors = FALSE))
write_fixture("all-events", "edge: every study has all events",
              data.frame(study = c("A", "B", "C", "D"), events = c(4, 10, 7, 25), total = c(4, 10, 7, 25), stringsAsFactors = FALSE))

# Large simulated set; leave-one-out and cumulative only for PLO / DL / z to keep the file small.
set.seed(20261129)
k <- 1000
n <- sample(5:400, k, replace = TRUE)
x <- rbinom(k, n, plogis(rnorm(k, -1, 0.8)))
write_fixture("large-k1000", "simulated: k = 1000, set.seed(20261129), n ~ U{5..400}, logit p ~ N(-1, 0.8^2)",
              data.frame(study = sprintf("S%04d", 1:k), events = x, total = n, group = sample(c("a", "b", "c"), k, replace = TRUE),
                         year = sample(2000:2025, k, replace = TRUE), stringsAsFactors = FALSE),
              extras = list(weights = TRUE, loo = TRUE, cumul = TRUE, subgroups = TRUE),
              extras_only = list(measure = "PLO", method = "DL", hakn = FALSE))

# Binomial-normal model (GLMM): rma.glmm(measure = "PLO", method = "ML"), which calls
# lme4::glmer(cbind(xi, ni - xi) ~ 1 + (1 | study), family = binomial, nAGQ = 7) with lme4's default
# optimiser settings (so agreement is limited by lme4's own convergence, about 1e-5 relative).
# Each case records both tests ("z", "t"), rma.glmm's fields, glmer's own sd and deviance, every
# warning, and the error message where rma.glmm stops.
glmm_dir <- file.path(out_dir, "glmm")
dir.create(glmm_dir, recursive = TRUE, showWarnings = FALSE)
glmm_versions <- c(versions, lme4 = as.character(packageVersion("lme4")))

glmm_fit <- function(d, test) {
  warnings <- character(0)
  keep <- function(w) { warnings <<- c(warnings, conditionMessage(w)); invokeRestart("muffleWarning") }
  res <- withCallingHandlers(tryCatch(rma.glmm(measure = "PLO", xi = d$events, ni = d$total, method = "ML", test = test),
                                      error = function(e) e), warning = keep)
  call <- sprintf('rma.glmm(measure="PLO", xi=events, ni=total, method="ML", test="%s")', test)
  if (inherits(res, "error")) return(list(test = test, call = call, error = conditionMessage(res), warnings = I(warnings)))
  p <- predict(res)
  me <- suppressMessages(suppressWarnings(lme4::glmer(cbind(d$events, d$total - d$events) ~ 1 + (1 | study),
                                                      data = data.frame(study = factor(seq_len(nrow(d)))),
                                                      family = binomial, nAGQ = 7)))
  list(test = test, call = call, estimate = fin(res$beta), se = fin(res$se), ci = pair(res$ci.lb, res$ci.ub),
       pi = pair(p$pi.lb, p$pi.ub), proportion = fin(transf.ilogit(res$beta)),
       proportion_ci = pair(transf.ilogit(res$ci.lb), transf.ilogit(res$ci.ub)),
       proportion_pi = pair(transf.ilogit(p$pi.lb), transf.ilogit(p$pi.ub)),
       pi_hts = hts_pi(res, p),
       tau2 = fin(res$tau2), I2 = fin(res$I2), H2 = fin(res$H2),
       QE_LRT = fin(res$QE.LRT), QEp_LRT = fin(res$QEp.LRT), QE_Wld = fin(res$QE.Wld), QEp_Wld = fin(res$QEp.Wld),
       QE_df = fin(res$QE.df), logLik = fin(logLik(res)),
       glmer = list(sd = fin(sqrt(lme4::VarCorr(me)[[1]][1])), deviance = fin(deviance(me)), logLik = fin(logLik(me)),
                    fixef = fin(lme4::fixef(me)), se = fin(sqrt(diag(as.matrix(vcov(me)))))),
       warnings = I(warnings))
}

write_glmm <- function(name, description, d) {
  fixture <- list(
    source = list(description = description, versions = glmm_versions, script = "scripts/reference/metafor-fixtures.R",
                  calls = c("rma.glmm(measure=\"PLO\", xi=events, ni=total, method=\"ML\", test=)", "predict(res)",
                            "lme4::glmer(cbind(events, total - events) ~ 1 + (1 | study), family=binomial, nAGQ=7)",
                            "HTS PI: pred +- qt(0.975, k-2) * sqrt(tau2 + se^2)")),
    data = list(study = I(d$study), events = I(d$events), total = I(d$total)),
    fits = lapply(c("z", "t"), function(test) glmm_fit(d, test)))
  writeLines(toJSON(fixture, auto_unbox = TRUE, digits = NA, null = "null", na = "null", pretty = FALSE),
             file.path(glmm_dir, paste0(name, ".json")))
  cat("wrote glmm", name, "\n")
}

write_glmm("pritz1997", "dat.pritz1997: 14 studies", data.frame(study = p$authors, events = p$xi, total = p$ni, stringsAsFactors = FALSE))
write_glmm("debruin2009", "dat.debruin2009: 13 studies", data.frame(study = b$author, events = b$xi, total = b$ni, stringsAsFactors = FALSE))
write_glmm("pagliaro1992", "dat.pagliaro1992: 54 arms incl. zero events",
           data.frame(study = paste0("study ", g$study, " ", g$trt), events = g$xi, total = g$ni, stringsAsFactors = FALSE))
write_glmm("sparse-oncology", "hand-made: 9 small arms with 0/n and n/n responses",
           data.frame(study = c("Liu 2020", "Marin 2024", "Bachanova 2022", "Smith 2021", "Ng 2022", "Ortiz 2022", "Park 2023",
                                "Quinn 2021", "Roy 2024"),
                      events = c(8, 0, 3, 5, 0, 11, 2, 4, 6), total = c(11, 6, 9, 5, 3, 11, 12, 4, 20), stringsAsFactors = FALSE))
write_glmm("carnk-crs", "hand-made: rare events, one zero-event arm among three small ones",
           data.frame(study = c("A", "B", "C"), events = c(0, 1, 2), total = c(37, 9, 8), stringsAsFactors = FALSE))
write_glmm("k1", "edge: a single study", data.frame(study = "Only", events = 3, total = 10, stringsAsFactors = FALSE))
write_glmm("k2", "edge: two studies", data.frame(study = c("A", "B"), events = c(2, 9), total = c(10, 12), stringsAsFactors = FALSE))
write_glmm("identical", "edge: four identical studies (tau2 on the boundary 0)",
           data.frame(study = c("A", "B", "C", "D"), events = 5, total = 20, stringsAsFactors = FALSE))
write_glmm("all-zero", "edge: every study has zero events (not identifiable)",
           data.frame(study = c("A", "B", "C"), events = 0, total = c(5, 12, 30), stringsAsFactors = FALSE))
write_glmm("all-events", "edge: every study has all events (not identifiable)",
           data.frame(study = c("A", "B", "C", "D"), events = c(4, 10, 7, 25), total = c(4, 10, 7, 25), stringsAsFactors = FALSE))
write_glmm("extremes-only", "edge: every study at 0/n or n/n, some of each (tau2 unbounded)",
           data.frame(study = c("A", "B", "C", "D"), events = c(0, 5, 0, 3), total = c(5, 5, 8, 3), stringsAsFactors = FALSE))
write_glmm("tiny-and-huge", "edge: arms of n = 1-2 beside arms of n ~ 10^4",
           data.frame(study = sprintf("S%02d", 1:11), events = c(2, 0, 1, 1, 8358, 0, 0, 9470, 0, 1, 0),
                      total = c(2, 2, 1, 1, 10102, 2, 1, 11210, 1, 2, 1), stringsAsFactors = FALSE))
set.seed(20261202)
kg <- 500
ng <- sample(5:400, kg, replace = TRUE)
xg <- rbinom(kg, ng, plogis(rnorm(kg, -2, 1)))
write_glmm("large-k500", "simulated: k = 500, set.seed(20261202), n ~ U{5..400}, logit p ~ N(-2, 1)",
           data.frame(study = sprintf("S%03d", 1:kg), events = xg, total = ng, stringsAsFactors = FALSE))

# REML convergence under metafor's default control (threshold 1e-5 on the change in tau2, maxiter 100):
# designs where an earlier engine's stricter stopping rule wobbled at rounding level and gave up, and one
# where metafor's Fisher scoring itself does not converge. Each records the default fit's tau2 (or its
# error) and the tau2 with threshold 1e-12 (the precise value). Written outside metafor/ (not a fit fixture).
reml_case <- function(name, measure, xi, ni) {
  fit <- function(control) tryCatch(suppressWarnings(rma(measure = measure, xi = xi, ni = ni, method = "REML", control = control)),
                                    error = function(e) e)
  default <- fit(list())
  tight <- fit(list(threshold = 1e-12, maxiter = 1000))
  list(name = name, measure = measure, events = I(xi), total = I(ni),
       default = if (inherits(default, "error")) list(error = conditionMessage(default)) else list(tau2 = fin(default$tau2)),
       tight = if (inherits(tight, "error")) list(error = conditionMessage(tight)) else list(tau2 = fin(tight$tau2)))
}
reml <- list(
  source = list(versions = versions, script = "scripts/reference/metafor-fixtures.R",
                calls = c("rma(measure, xi, ni, method=\"REML\")", "rma(..., control=list(threshold=1e-12, maxiter=1000))")),
  cases = list(
    reml_case("arcsine, one arm of n ~ 75 000", "PAS", c(55531, 3, 4), c(75184, 5, 7)),
    reml_case("raw proportion, one arm of n ~ 1 700", "PR", c(1078, 12, 1), c(1746, 16, 3)),
    reml_case("logit, four arms, tau2 near the boundary", "PLO", c(0, 373, 3, 2), c(3, 2378, 13, 6)),
    reml_case("raw proportion, maximum on the boundary", "PR", c(2, 2), c(3, 6)),
    reml_case("logit, Fisher scoring does not converge", "PLO", c(7, 6013, 13), c(13, 10354, 14))))
writeLines(toJSON(reml, auto_unbox = TRUE, digits = NA, null = "null", na = "null"), file.path("tests", "fixtures", "reml-convergence.json"))
cat("wrote reml-convergence\n")

# Distribution functions used by src/lib/stats.
ps <- c(0.001, 0.025, 0.5, 0.975, 0.999)
dfs <- c(1, 2, 4, 30, 999)
dist <- list(
  source = list(versions = versions, calls = c("qnorm(p)", "pnorm(x)", "qt(p, df)", "2*pt(abs(t), df, lower.tail=FALSE)",
                                               "pchisq(x, df, lower.tail=FALSE)", "binom.test(x, n)$conf.int")),
  qnorm = lapply(ps, function(p) list(p = p, value = qnorm(p))),
  pnorm = lapply(c(-38, -37.5, -20, -8, -5.66, -5, -1.96, -0.7, -0.5, -1e-17, 0, 0.3, 0.675, 1, 3, 5.7, 8, 8.3, 20), function(x) list(x = x, value = pnorm(x))),
  qt = unlist(lapply(dfs, function(df) lapply(ps, function(p) list(p = p, df = df, value = qt(p, df)))), recursive = FALSE),
  pt2 = unlist(lapply(dfs, function(df) lapply(c(0, 0.5, 2, 6), function(t) list(t = t, df = df, value = 2 * pt(abs(t), df, lower.tail = FALSE)))), recursive = FALSE),
  pchisq_upper = unlist(lapply(dfs, function(df) lapply(c(0.1, 1, 5, 40), function(x) list(x = x, df = df, value = pchisq(x, df, lower.tail = FALSE)))), recursive = FALSE),
  binom = lapply(list(c(0, 10), c(3, 10), c(10, 10), c(1, 1), c(57, 1000)), function(v) list(x = v[1], n = v[2], ci = arr(binom.test(v[1], v[2])$conf.int))))
writeLines(toJSON(dist, auto_unbox = TRUE, digits = NA, null = "null", na = "null"), file.path(out_dir, "distributions.json"))
cat("wrote distributions\n")
