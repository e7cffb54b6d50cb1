#ifndef BEREIK_CGSL_SHIM_H
#define BEREIK_CGSL_SHIM_H
// The GSL headers Bereik uses, and nothing else.
#include <gsl/gsl_errno.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_fit.h>
#include <gsl/gsl_multifit.h>
#include <gsl/gsl_sf_gamma.h>
#include <gsl/gsl_statistics_double.h>

/// GSL exposes its generator types as mutable globals; Swift 6 cannot read those safely, so a
/// function returns the one Bereik uses.
static inline const gsl_rng_type *bereik_rng_mt19937(void) { return gsl_rng_mt19937; }
#endif
