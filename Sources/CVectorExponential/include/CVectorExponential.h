#ifndef CVECTOREXPONENTIAL_H
#define CVECTOREXPONENTIAL_H

/* The softmax exponential pass of the attention kernel, written in C so that it can be compiled
   for several instruction sets and chosen at run time (AVX-512, AVX2, or baseline x86-64 / any
   other target). Every variant performs the same IEEE-754 operations in the same order, so the
   results are bit-identical whichever one runs. */

/* Replaces values[i] by exp(values[i] - shift) for 0 <= i < count and returns their sum,
   accumulated in eight lanes (lane i % 8) and then added lane by lane from -0.0. Inputs must not
   be NaN. See VectorExponential in WorkbenchNumerics for the algorithm and its accuracy. */
double cvexp_exponentiate_shifted_in_place(double *values, long count, double shift);

/* The name of the variant chosen on this machine: "avx512f", "avx2" or "baseline". */
const char *cvexp_variant(void);

#endif
