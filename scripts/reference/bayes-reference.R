# Reference values for the Bayesian binomial-normal model (src/lib/pooling/bayes.ts), by brute
# force on a fine grid, independent of the TypeScript algorithm (which uses adaptive
# Gauss-Hermite per study, a log-tau grid and mu grids around conditional modes).
#
#   Rscript scripts/reference/bayes-reference.R        # from the repository root, base R only
#
# Model: y_i ~ Binomial(n_i, plogis(theta_i)), theta_i ~ N(mu, tau^2), mu ~ N(0, 10^2),
# tau ~ Half-Normal(S). Here:
#   * each study's likelihood L_i(mu, tau) = integral of dbinom(y_i, n_i, plogis(mu + tau u)) dnorm(u)
#     is the trapezoid rule on a fixed grid u = -9..9 (321 points), checked against integrate()
#     at random grid points (the script stops if they differ by more than 1e-9 relative);
#   * the posterior is evaluated on an equally spaced grid of mu (601 points) by tau (201 points
#     from 0, Simpson weights in tau), over ranges found by a coarse pilot grid (where the log
#     posterior is within 30 of its maximum);
#   * quantiles invert the piecewise-linear interpolant of each marginal density exactly; a new
#     trial's rate mu + tau z uses the same interpolant in mu, convolved with N(0, tau^2) in
#     closed form; pAbove = 1 - P(mu <= qlogis(T)).
# Writes tests/fixtures/bayes/reference.json (numbers as %.17g, so the file is byte-stable).

out_file <- file.path("tests", "fixtures", "bayes", "reference.json")
dir.create(dirname(out_file), recursive = TRUE, showWarnings = FALSE)

u_grid <- seq(-9, 9, length.out = 321)
u_w <- dnorm(u_grid) * (u_grid[2] - u_grid[1])

# log L_i for every mu in `mu` at one tau (vector over mu).
log_lik_study <- function(y, n, mu, tau) {
  theta <- outer(mu, tau * u_grid, "+")
  # dbinom(y, n, plogis(theta), log = TRUE) without plogis rounding to 0 or 1 in the far tails.
  # Where this underflows (log L below -745) the posterior is e^-700 below its peak: 0 is exact enough.
  ll <- lchoose(n, y) + y * theta - n * (pmax(theta, 0) + log1p(exp(-abs(theta))))
  log(as.vector(exp(ll) %*% u_w))
}

log_post_column <- function(y, n, mu, tau, S) {
  lp <- dnorm(mu, 0, 10, log = TRUE) + log(2) + dnorm(tau, 0, S, log = TRUE)
  for (i in seq_along(y)) lp <- lp + log_lik_study(y[i], n[i], mu, tau)
  lp
}

log_post_grid <- function(y, n, mu, tau, S) sapply(tau, function(t) log_post_column(y, n, mu, t, S))

check_study_integral <- function(y, n, S) {
  set.seed(20)
  for (r in 1:5) {
    mu <- rnorm(1, qlogis((sum(y) + 0.5) / (sum(n) + 1)), 1)
    tau <- runif(1, 0.01, 3 * S)
    i <- sample(seq_along(y), 1)
    exact <- integrate(function(u) dbinom(y[i], n[i], plogis(mu + tau * u)) * dnorm(u), -Inf, Inf,
                       rel.tol = 1e-12)$value
    grid <- exp(log_lik_study(y[i], n[i], mu, tau))
    if (abs(grid - exact) > 1e-9 * exact) stop(sprintf("u grid off: %g vs %g", grid, exact))
  }
}

simpson <- function(m) { w <- rep(c(2, 4), length.out = m); w[1] <- 1; w[m] <- 1; w[m - 1] <- 4; w / 3 }

# The distribution with the cubic spline interpolant of the density f on the grid x (spacing h):
# cell masses exact for the spline (trapezoid minus h^3 (f''_i + f''_i+1) / 24), within a cell
# integrate(); so quantiles are O(h^4), where inverting a piecewise-linear density would be O(h^2).
spline_distribution <- function(x, f) {
  s <- splinefun(x, f, method = "fmm")
  h <- x[2] - x[1]
  d2 <- s(x, deriv = 2)
  F <- c(0, cumsum(h * (head(f, -1) + tail(f, -1)) / 2 - h^3 * (head(d2, -1) + tail(d2, -1)) / 24))
  mass <- F[length(F)]
  cdf <- function(q) {
    if (q <= x[1]) return(0)
    if (q >= x[length(x)]) return(1)
    j <- min(length(x) - 1, floor((q - x[1]) / h) + 1)
    (F[j] + integrate(s, x[j], q, rel.tol = 1e-13)$value) / mass
  }
  list(cdf = cdf, quantile = function(p) uniroot(function(q) cdf(q) - p, range(x), tol = 1e-13)$root)
}

# P(mu + tau z <= t) where mu has the piecewise-linear density (hat functions of half-width h
# at the nodes, weights w summing to 1) and z ~ N(0, 1): second differences of the twice-
# integrated normal distribution function.
G2 <- function(x, tau) {
  if (tau == 0) return(pmax(x, 0)^2 / 2)
  a <- x / tau
  tau^2 * ((a^2 + 1) * pnorm(a) + a * dnorm(a)) / 2
}
hat_normal_cdf <- function(t, mu, w, h, tau) {
  d <- t - mu
  sum(w * (G2(d + h, tau) - 2 * G2(d, tau) + G2(d - h, tau)) / h^2)
}

range_where <- function(x, v, drop) { keep <- which(v >= max(v) - drop); c(x[max(1, min(keep) - 1)], x[min(length(x), max(keep) + 1)]) }

reference <- function(name, y, n, S, threshold) {
  check_study_integral(y, n, S)
  # Pilot: where does the posterior live?
  mu0 <- seq(-80, 40, by = 0.5)
  tau0 <- seq(0, 8 * S + 4, length.out = 41)
  lp0 <- log_post_grid(y, n, mu0, tau0, S)
  mu_range <- range_where(mu0, apply(lp0, 1, max), 30)
  tau_range <- range_where(tau0, apply(lp0, 2, max), 30)
  if (tau_range[2] >= max(tau0)) stop(name, ": tau range reaches the pilot's edge")
  mu <- seq(mu_range[1], mu_range[2], length.out = 601)
  tau <- seq(0, tau_range[2], length.out = 201)
  lp <- log_post_grid(y, n, mu, tau, S)
  message(name, ": mu ", paste(signif(mu_range, 4), collapse = " to "), ", tau to ", signif(tau_range[2], 4))
  post <- exp(lp - max(lp))
  hm <- mu[2] - mu[1]; ht <- tau[2] - tau[1]
  wt <- simpson(length(tau)) * ht
  f_mu <- as.vector(post %*% wt)          # marginal density of mu (unnormalised)
  f_tau <- colSums(post) * hm             # marginal density of tau (trapezoid in mu)
  joint <- sweep(post, 2, wt, "*") * hm
  joint <- joint / sum(joint)
  probs <- c(0.025, 0.5, 0.975)
  d_mu <- spline_distribution(mu, f_mu)
  q_mu <- sapply(probs, d_mu$quantile)
  q_tau <- sapply(probs, spline_distribution(tau, f_tau)$quantile)
  w_tau <- colSums(joint)
  w_mu_given <- sweep(joint, 2, pmax(w_tau, 1e-300), "/")
  pred_cdf <- function(t) sum(sapply(seq_along(tau), function(b) w_tau[b] * hat_normal_cdf(t, mu, w_mu_given[, b], hm, tau[b])))
  q_pred <- sapply(probs, function(p) uniroot(function(t) pred_cdf(t) - p, c(min(mu) - 10 * max(tau), max(mu) + 10 * max(tau)),
                                              tol = 1e-12)$root)
  list(name = name, events = y, totals = n, tau_prior = S, threshold = threshold,
       proportion = plogis(q_mu), tau = q_tau, predictive = plogis(q_pred),
       p_above = 1 - d_mu$cdf(qlogis(threshold)))
}

cases <- list(
  list("k1", 3, 10, 0.5, 0.3),
  list("k1 zero events", 0, 10, 0.5, 0.1),
  list("k1 all events", 10, 10, 0.5, 0.5),
  list("k2", c(12, 11), c(25, 20), 0.5, 0.3),
  list("k2 wide prior", c(12, 11), c(25, 20), 1, 0.3),
  list("k2 all events", c(6, 4), c(6, 4), 0.5, 0.8),
  list("k3 with a zero", c(0, 3, 1), c(9, 12, 5), 0.5, 0.2),
  list("k3 all zero", c(0, 0, 0), c(5, 8, 12), 1, 0.1),
  list("k5 heterogeneous", c(2, 8, 5, 12, 1), c(20, 15, 30, 18, 10), 0.5, 0.3),
  list("k5 heterogeneous wide prior", c(2, 8, 5, 12, 1), c(20, 15, 30, 18, 10), 1, 0.3),
  list("k10", c(4, 9, 7, 15, 3, 11, 6, 20, 8, 2), c(21, 30, 25, 40, 18, 33, 27, 50, 29, 16), 0.5, 0.25)
)

num <- function(x) paste0("[", paste(sprintf("%.17g", x), collapse = ", "), "]")
started <- Sys.time()
results <- lapply(cases, function(c) do.call(reference, setNames(c, c("name", "y", "n", "S", "threshold"))))
json_case <- function(r) {
  sprintf(paste0('    {"name": "%s", "events": %s, "totals": %s, "tau_prior": %s, "threshold": %s,\n',
                 '     "proportion": %s, "tau": %s, "predictive": %s, "p_above": %s}'),
          r$name, num(r$events), num(r$totals), sprintf("%.17g", r$tau_prior), sprintf("%.17g", r$threshold),
          num(r$proportion), num(r$tau), num(r$predictive), sprintf("%.17g", r$p_above))
}
header <- sprintf(paste0('  "source": {"description": "Bayesian binomial-normal model, mu ~ N(0, 10^2), tau ~ Half-Normal(tau_prior): ',
                         'quantiles (2.5 %%, 50 %%, 97.5 %%) of plogis(mu), tau and plogis(mu + tau z), and P(plogis(mu) > threshold), ',
                         'by brute-force grid integration", "R": "%s", "call": "Rscript scripts/reference/bayes-reference.R"}'),
                  R.version.string)
writeLines(c("{", paste0(header, ","), '  "cases": [', paste(sapply(results, json_case), collapse = ",\n"), "  ]", "}"), out_file)
message(sprintf("wrote %s (%d cases) in %.0f s", out_file, length(results), as.numeric(Sys.time() - started, units = "secs")))
