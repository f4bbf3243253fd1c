# Fits pscl::ideal (Jackman's Bayesian IRT ideal points, one dimension, MCMC) on Voeten's
# roll calls in a date window and correlates the estimates with Plenary's ideal points
# (the output of `./plenary ideal-points` on the same window). Called by
# scripts/compare-pscl.sh, which passes everything as NAME=VALUE arguments:
#
#   votes=un_votes.csv.xz rollcalls=un_roll_calls.csv.xz from=YYYY-MM-DD to=YYYY-MM-DD
#   plenary=ideal.csv codes=iso2-iso3.csv [rcids=plenary-rcids.txt]
#   [plenary_rollcalls=N plenary_votes=N] [maxiter=10000 burnin=2000 thin=50 seed=1]
#   [abstain=missing|no] [ordinal=no|yes] [out=pscl.csv]
#
# Coding for pscl (whose model is binary): Yes = 1, No = 0, Abstain = missing (NA), absent
# (no row in un_votes.csv) = missing. Roll calls are chosen by date, as Plenary does (not by
# Voeten's session column: a few votes of the old session fall in early September).
suppressPackageStartupMessages(library(pscl))

arg <- function(name, default = NULL) {
  hit <- grep(paste0("^", name, "="), commandArgs(trailingOnly = TRUE), value = TRUE)
  if (length(hit) == 0) {
    if (is.null(default)) stop("missing argument ", name, "=...")
    return(default)
  }
  sub(paste0("^", name, "="), "", hit[length(hit)])
}

from <- as.Date(arg("from"))
to <- as.Date(arg("to"))
maxiter <- as.integer(arg("maxiter", "10000"))
burnin <- as.integer(arg("burnin", "2000"))
thin <- as.integer(arg("thin", "50"))
seed <- as.integer(arg("seed", "1"))

# na.strings = "" so that Namibia's code "NA" stays a string
read <- function(file) {
  read.csv(if (grepl("\\.xz$", file)) xzfile(file) else file, colClasses = "character",
           na.strings = "", stringsAsFactors = FALSE)
}
rc <- read(arg("rollcalls"))
rc$date <- as.Date(rc$date)
rc <- rc[rc$date >= from & rc$date <= to, ]
votes <- read(arg("votes"))
votes <- votes[votes$rcid %in% rc$rcid & votes$vote %in% c("yes", "no", "abstain"), ]

# Voeten's ISO alpha-2 to Plenary's alpha-3, by the register: its alpha-2 codes and the dated
# codes of former seats (a code valid at the vote's date wins over an undated one). "NA" is
# Namibia only when the country says so; other "NA" rows (entities with no code, none after
# 1990) and unknown codes are dropped, and reported.
codes <- read(arg("codes"))
code <- votes$country_code
code[!is.na(code) & code == "NA" & votes$country != "Namibia"] <- NA
when <- rc$date[match(votes$rcid, rc$rcid)]
votes$iso3 <- NA_character_
dated <- codes[!is.na(codes$valid_from) | !is.na(codes$valid_to), ]
for (k in seq_len(nrow(dated))) {
  hit <- is.na(votes$iso3) & !is.na(code) & code == dated$code[k] &
    (is.na(dated$valid_from[k]) | when >= as.Date(dated$valid_from[k])) &
    (is.na(dated$valid_to[k]) | when <= as.Date(dated$valid_to[k]))
  votes$iso3[hit] <- dated$iso3[k]
}
plain <- codes[is.na(codes$valid_from) & is.na(codes$valid_to), ]
plain <- plain[!duplicated(plain$code), ]
rest <- is.na(votes$iso3)
votes$iso3[rest] <- plain$iso3[match(code[rest], plain$code)]
dropped <- votes[is.na(votes$iso3), ]
if (nrow(dropped) > 0) {
  cat(sprintf("  dropped %d vote(s) with no alpha-3 code: %s\n", nrow(dropped),
              paste(unique(paste0(dropped$country, " (", dropped$country_code, ")")), collapse = ", ")))
}
votes <- votes[!is.na(votes$iso3), ]

# the same roll calls as Plenary: those with at least one Yes, No or Abstain in the window
used <- sort(unique(as.integer(votes$rcid)))
cat(sprintf("  Voeten, %s to %s: %d roll calls with votes, %d states, %d Yes/No/Abstain votes (%d abstentions)\n",
            from, to, length(used), length(unique(votes$iso3)), nrow(votes), sum(votes$vote == "abstain")))
pr <- arg("plenary_rollcalls", "")
pv <- arg("plenary_votes", "")
if (pr != "" && pv != "") {
  same <- as.integer(pr) == length(used) && as.integer(pv) == nrow(votes)
  cat(sprintf("  Plenary's window: %s roll calls, %s votes: %s\n", pr, pv,
              if (same) "the same counts" else "DIFFERENT COUNTS"))
}
rcids <- arg("rcids", "")
if (rcids != "" && file.exists(rcids)) {
  # Voeten rcids, or "plenary:ID" for a roll call with votes that came from another source
  theirs <- sort(readLines(rcids))
  used <- sort(as.character(used))
  if (identical(theirs, used)) {
    cat("  Plenary's roll calls in the window are exactly these Voeten rcids\n")
  } else {
    cat(sprintf("  ROLL CALLS DIFFER: %d only in Plenary (%s), %d only in the CSV (%s)\n",
                length(setdiff(theirs, used)), paste(head(setdiff(theirs, used), 10), collapse = " "),
                length(setdiff(used, theirs)), paste(head(setdiff(used, theirs), 10), collapse = " ")))
  }
}

used <- sort(as.integer(used))
states <- sort(unique(votes$iso3))
m <- matrix(NA_real_, nrow = length(states), ncol = length(used),
            dimnames = list(states, as.character(used)))
# abstain=no (a sensitivity check, not the default) codes Abstain as No: "Yes against the rest"
abstain <- arg("abstain", "missing")
value <- c(yes = 1, no = 0, abstain = if (abstain == "no") 0 else NA)
cat(sprintf("  coding for pscl: Yes = 1, No = 0, Abstain = %s, absent = missing\n",
            if (abstain == "no") "0 (as No)" else "missing"))
m[cbind(match(votes$iso3, states), match(as.integer(votes$rcid), used))] <- value[votes$vote]
# duplicated (state, roll call) rows would silently overwrite: count them
dup <- sum(duplicated(votes[, c("iso3", "rcid")]))
if (dup > 0) cat(sprintf("  WARNING: %d duplicated (state, roll call) rows\n", dup))

roll <- rollcall(m, yea = 1, nay = 0, missing = NA, notInLegis = 9, legis.names = states,
                 vote.names = colnames(m), desc = sprintf("UNGA %s to %s (Voeten)", from, to))
informative <- sum(apply(m, 2, function(v) length(unique(v[!is.na(v)])) == 2))
cat(sprintf("  pscl::ideal input: %d states x %d roll calls; %d of them split Yes/No under this coding (ideal drops the rest)\n",
            nrow(m), ncol(m), informative))

set.seed(seed)
elapsed <- system.time(
  chatter <- capture.output(
    fit <- ideal(roll, d = 1, maxiter = maxiter, burnin = burnin, thin = thin, normalize = TRUE,
                 store.item = FALSE, verbose = FALSE)
  )
)[["elapsed"]]
cat(sprintf("  pscl::ideal (d=1, normalize=TRUE, maxiter=%d, burnin=%d, thin=%d, seed=%d): %.1f s\n",
            maxiter, burnin, thin, seed, elapsed))

pscl <- data.frame(iso3 = rownames(fit$xbar), pscl = as.numeric(fit$xbar[, 1]), stringsAsFactors = FALSE)
out <- arg("out", "")
if (out != "") write.csv(pscl, out, row.names = FALSE)

# Plenary: each state's positions over the window's sessions, weighted equally
session <- function(d) {
  as.integer(format(d, "%Y")) - 1945L + (as.integer(format(d, "%m")) >= 9L)
}
plenary <- read.csv(arg("plenary"), stringsAsFactors = FALSE, na.strings = "")
plenary <- plenary[plenary$session >= session(from) & plenary$session <= session(to), ]
plenary <- aggregate(ideal_point ~ iso3, data = plenary, FUN = mean)

both <- merge(plenary, pscl, by = "iso3")
only <- function(a, b) setdiff(a$iso3, b$iso3)
if (length(only(plenary, pscl)) + length(only(pscl, plenary)) > 0) {
  cat(sprintf("  not in both: Plenary only %s; pscl only %s\n",
              paste(only(plenary, pscl), collapse = " "), paste(only(pscl, plenary), collapse = " ")))
}
r <- cor(both$ideal_point, both$pscl)
rho <- cor(both$ideal_point, both$pscl, method = "spearman")
cat(sprintf("  RESULT %s..%s: |Pearson r| = %.3f, |Spearman rho| = %.3f over %d states; pscl fit %.1f s\n",
            from, to, abs(r), abs(rho), nrow(both), elapsed))
# Optional cross-check (ordinal=yes, needs MCMCpack): a static ordinal model on the same
# roll calls, Quinn's (2004) ordinal factor analysis by MCMC, with the states as observations
# and the roll calls as the ordinal items (No < Abstain < Yes; absent = missing). It separates
# what the ordinal coding changes from what the rest of Plenary's model does.
if (arg("ordinal", "no") == "yes") {
  suppressPackageStartupMessages(library(MCMCpack))
  o <- m
  o[] <- NA
  o[cbind(match(votes$iso3, states), match(as.integer(votes$rcid), used))] <-
    c(no = 1, abstain = 2, yes = 3)[votes$vote]
  o <- o[, apply(o, 2, function(v) length(unique(v[!is.na(v)])) > 1), drop = FALSE]
  colnames(o) <- paste0("rc", colnames(o))
  oburn <- as.integer(arg("ord_burnin", "2000"))
  omcmc <- as.integer(arg("ord_mcmc", "8000"))
  othin <- as.integer(arg("ord_thin", "40"))
  oelapsed <- system.time(
    chatter <- capture.output(
      ofit <- MCMCordfactanal(o, factors = 1, burnin = oburn, mcmc = omcmc, thin = othin, tune = 1.2,
                              verbose = 0, seed = seed, store.lambda = FALSE, store.scores = TRUE)
    )
  )[["elapsed"]]
  ord <- data.frame(iso3 = rownames(o), ord = colMeans(ofit[, grep("^phi", colnames(ofit)), drop = FALSE]),
                    stringsAsFactors = FALSE)
  all3 <- merge(both, ord, by = "iso3")
  cat(sprintf("  ordinal cross-check, MCMCpack::MCMCordfactanal (1 factor, %d roll calls, burnin=%d, mcmc=%d, thin=%d): %.1f s\n",
              ncol(o), oburn, omcmc, othin, oelapsed))
  cat(sprintf("  RESULT-ORDINAL %s..%s: |r| Plenary vs ordinal = %.3f, |r| pscl vs ordinal = %.3f over %d states\n",
              from, to, abs(cor(all3$ideal_point, all3$ord)), abs(cor(all3$pscl, all3$ord)), nrow(all3)))
  if (out != "") write.csv(ord, sub("\\.csv$", "-ordinal.csv", out), row.names = FALSE)
}

# the largest disagreements after putting both on a common scale (sign of r, standardised)
z <- function(x) (x - mean(x)) / sd(x)
gap <- z(both$ideal_point) - sign(r) * z(both$pscl)
worst <- order(-abs(gap))[1:min(5, nrow(both))]
cat(sprintf("  largest gaps (standardised Plenary - pscl): %s\n",
            paste(sprintf("%s %+.2f", both$iso3[worst], gap[worst]), collapse = ", ")))
