package dev.rectifier.internal.kernels.panama;

import dev.rectifier.internal.kernels.ScalarFunctions;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Polynomial math on float vectors of the preferred species, for the vector kernels.
 *
 * <p>The Vector API's own EXP, TANH, SIN and friends are not intrinsified on JDK 17 (they cost
 * tens of nanoseconds per element), so these are written with FMA and integer bit tricks only.
 *
 * <p>A vector passed to or returned from a method that C2 does not inline is boxed: an allocation
 * per call. C2 stops inlining ordinary methods once a compilation passes its node budget (some
 * 18,000 nodes, about 35 vector operations), while the Vector API's own methods, forced inline,
 * go on being inlined. A kernel of at most 325 bytes of bytecode (FreqInlineSize) is inlined
 * into a hot caller, which may already have spent that budget. So a helper that takes or returns
 * a vector is called only from a kernel of more than 325 bytes, which C2 compiles on its own, and
 * there before the bulk of the body; smaller kernels call no helper at all and write their math
 * out. {@code VectorCallBoundaryTest} reads the class files and holds every kernel to this.
 *
 * <p>All vector kernels use this one float species (and integer vectors of its shape, by
 * reinterpretation). A second float species in the same JVM is worse than it looks on JDK 17: the
 * Vector API's generic code then sees two vector classes in its type profiles, C2 can no longer
 * tell which class a call makes, and the intrinsics stop applying to both species.
 *
 * <p>Accuracy, measured over every float input against the float nearest the double-precision
 * result (subnormal results in subnormal ulps): exp, expm1, elu and log1p within 1 ulp, sigmoid
 * and tanh within 2 ulp; sin and cos within 2 ulp for |x| ≤ {@link #TRIG_LIMIT}, zeros of the
 * functions included (callers take the scalar path beyond). The activations added with selu,
 * measured by {@code AccuracySweep} (benchmarks module; against the double-precision result
 * itself, which adds up to half an ulp) on one float in 7 with |x| ≤ 120: selu
 * within 1.75 ulp, silu 3.06, softplus 3.10 (3.78 for β ≠ 1, five βs over |βx| ≤ 120), gelu's
 * tanh form 3.40, mish 3.72 and gelu 3.72 (3.74 over every float with |x| ≤ 17). The contract
 * promises 4 ulp.
 * NaN gives NaN, infinities the limits, and the exact limits are exact.
 */
final class VectorMath {

  static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
  static final VectorSpecies<Integer> I = VectorSpecies.of(int.class, F.vectorShape());
  static final int L = F.length();

  /** 0, 1, …, L−1: lane indices, for masks that select lanes by position. */
  static final float[] IOTA = new float[L];

  static {
    for (int i = 0; i < L; i++) {
      IOTA[i] = i;
    }
  }

  // Shuffles that pair lane i with lane i ^ k. Each is a constant of its own (not an array
  // element), so that C2 sees a constant shuffle and emits one permute for it; those a species
  // does not have are null and their folds are never reached.
  static final VectorShuffle<Float> FOLD_32 = fold(32);
  static final VectorShuffle<Float> FOLD_16 = fold(16);
  static final VectorShuffle<Float> FOLD_8 = fold(8);
  static final VectorShuffle<Float> FOLD_4 = fold(4);
  static final VectorShuffle<Float> FOLD_2 = fold(2);
  static final VectorShuffle<Float> FOLD_1 = fold(1);

  private static VectorShuffle<Float> fold(int k) {
    return k < L ? VectorShuffle.fromOp(F, i -> i ^ k) : null;
  }

  /**
   * The sum of the lanes, always in the same order: a fixed binary tree. {@code
   * reduceLanes(ADD)} is allowed to add in another order when compiled than when interpreted, so
   * one computation could give different bits at different times in one run; this cannot.
   *
   * <p>This and the methods it calls stay under 35 bytes of bytecode (C2's {@code MaxInlineSize}),
   * so C2 inlines them even where it does not count the call as hot, as at the end of a block of a
   * reduction. Kernels small enough to be inlined into their callers write these folds out
   * instead (see the class comment).
   */
  static float sum(FloatVector v) {
    return foldLow(foldHigh(v)).lane(0);
  }

  /** The folds across 64, 32 and 16 lanes; those wider than the species leave v as it is. */
  private static FloatVector foldHigh(FloatVector v) {
    return fold(fold(fold(v, FOLD_32), FOLD_16), FOLD_8);
  }

  /** The folds across 8, 4 and 2 lanes. */
  private static FloatVector foldLow(FloatVector v) {
    return fold(fold(fold(v, FOLD_4), FOLD_2), FOLD_1);
  }

  /** v[i] + v[i ^ k] in every lane i, for the shuffle pairing lane i with i ^ k; v if it is null. */
  private static FloatVector fold(FloatVector v, VectorShuffle<Float> pairs) {
    return pairs == null ? v : v.add(v.rearrange(pairs));
  }

  /** 1.5·2^23: adding it rounds a float of magnitude below 2^22 to an integer in the low bits. */
  private static final float SHIFT = 12582912f;
  private static final int SHIFT_BITS = 0x4b400000;

  private static final float LOG2E = 1.44269502f;
  // ln 2 in two parts: the first fma of the reduction is exact for |n| ≤ 151 (both terms are
  // multiples of 2^-25 there and the difference is below 1/2), the second adds 24 more bits.
  private static final float LN2_HI = 0.693147182f;
  private static final float LN2_LO = -1.90465421e-9f;

  // expm1(r) = r + r²·q(r) on |r| ≤ ln2/2, q of degree 5 (total degree 7): a minimax fit of the
  // relative error of expm1, 2.7e-10 before the coefficients were rounded to float.
  private static final float Q0 = 0.5f;
  private static final float Q1 = 0.166666657f;
  private static final float Q2 = 0.0416663364f;
  private static final float Q3 = 0.00833339430f;
  private static final float Q4 = 0.00139427069f;
  private static final float Q5 = 1.98460402e-4f;

  /** Below this exp(x) rounds to 0 and expm1(x) to −1; above it exp overflows to +∞. */
  private static final float EXP_LO = -110f;
  private static final float EXP_HI = 89f;
  private static final float EXPM1_LO = -18f;

  // log(1+f) = f − f²/2 + s·(f²/2 + R(s²)), s = f/(2+f), |f| ≤ √2−1: FreeBSD's logf polynomial.
  private static final float LG1 = 0.66666662693f;
  private static final float LG2 = 0.40000972152f;
  private static final float LG3 = 0.28498786688f;
  private static final float LG4 = 0.24279078841f;
  // ln 2 split so that k·LN2_HI_LOG is exact for every float exponent k.
  private static final float LN2_HI_LOG = 6.9313812256e-01f;
  private static final float LN2_LO_LOG = 9.0580006145e-06f;
  /** Bits of √2/2: the mantissa is reduced into [√2/2, √2). */
  private static final int SQRT_HALF_BITS = 0x3f3504f3;

  /** sin and cos reduce exactly (as far as float can tell) up to here. */
  static final float TRIG_LIMIT = 1048576f;

  private static final float TWO_OVER_PI = 0.636619747f;
  // π/2 in three parts; the first fma of the reduction is exact for every quadrant count below
  // 2^22, the other two carry π/2 to about 72 bits.
  private static final float PIO2_1 = 1.57079637f;
  private static final float PIO2_2 = -4.37113883e-8f;
  private static final float PIO2_3 = -1.71512451e-15f;
  // sin r = r + r³·S(r²), cos r = 1 − r²/2 + r⁴·C(r²) on |r| ≤ 1.05·π/4: minimax fits of the
  // relative error, 5.6e-9 and 1.9e-10.
  private static final float S0 = -0.166666508f;
  private static final float S1 = 0.00833190698f;
  private static final float S2 = -1.94819266e-4f;
  private static final float C0 = 0.0416666381f;
  private static final float C1 = -0.00138869719f;
  private static final float C2 = 2.43949999e-5f;

  /**
   * The scaled exponential, written out in the kernels that use it: e^(−a) for a ≥ 0 (clamped to
   * HUGE; NaN gives NaN), and where e^(−a) would be subnormal or nearly so (a above FAR), e^(−a)
   * times 2^FAR_SCALE, a normal float down to a = HUGE. The kernels multiply the products of such
   * lanes by 2^−FAR_SCALE last, so that a tiny result (x·e^(−a) with |x| &gt; 1, say) rounds once.
   */
  private static final float FAR = 80f;
  private static final float HUGE = 160f;
  private static final int FAR_SCALE = 112;

  /**
   * SiLU's and sigmoid's forward clamp |βx| here and carry e^(−|βx|) times 2^64: e^(−128)·2^64 is
   * a normal float (2^−120.7), and x·e^(−128) rounds to a zero for |x| ≤ 2^34, the largest x the
   * per-unit SiLU loop takes; below 2^34, (x/d)·e^(−|βx|)·2^64 stays below Float.MAX_VALUE.
   */
  private static final float SILU_LIMIT = 128f;

  // GELU (tanh form): z = x·(K1 + K3·x²), the constants as float pairs hi + lo.
  private static final float K1_HI = (float) ScalarFunctions.GELU_TANH_K1;
  private static final float K1_LO = (float) (ScalarFunctions.GELU_TANH_K1 - K1_HI);
  private static final float K3_HI = (float) ScalarFunctions.GELU_TANH_K3;
  private static final float K3_LO = (float) (ScalarFunctions.GELU_TANH_K3 - K3_HI);

  // GELU (exact): Φ(x) = ½ + x·P(x²) for |x| ≤ 0.75, and (in the backward pass) Φ(−t) =
  // e^(−t²/2)·s·R(s) with s = 1/(t + 2) for t = |x| up to 16. Interpolants at Chebyshev nodes
  // from core/fits/kernel_fits.py: relative errors 3.3e-8 (P) and 1.7e-8 (R) with the
  // coefficients rounded to float.
  private static final float PHI_SERIES_LIMIT = 0.75f;
  private static final float PHI_LIMIT = 16f;
  private static final float INV_SQRT_2PI = 0.398942280f;
  private static final float P0 = 0.39894227946005223f;
  private static final float P1 = -0.06649029632146077f;
  private static final float P2 = 0.009972360943304425f;
  private static final float P3 = -0.001181318903736044f;
  private static final float P4 = 0.00010297051487005196f;
  private static final float R0 = 0.3989413424356888f;
  private static final float R1 = 0.7979701415488624f;
  private static final float R2 = 1.1934035483839143f;
  private static final float R3 = 0.8769657008923782f;
  private static final float R4 = -3.1633961988532424f;
  private static final float R5 = 4.355257476869808f;
  private static final float R6 = -81.06776876010734f;
  private static final float R7 = 367.6042256226127f;
  private static final float R8 = -754.9692456320072f;
  private static final float R9 = 781.9488228875973f;
  private static final float R10 = -335.72846239163147f;
  // The forward's tail instead: G(t) = t·Φ(−t)·e^(t²/2)/c = t·A(t)/(t·A(t) + D(t)), c the float
  // nearest 1/√(2π), A and D of degree 4 with A(0) = 1, fitted for the smallest relative error of
  // that expression evaluated in float (2.13 units of 2^−24 on [0.75, 16]; 2.4e-9 in exact
  // arithmetic; core/fits/kernel_fits.py). For large t, D/(t·A) ~ 1/t², so that the rounding of
  // t·A cancels between numerator and denominator.
  private static final float GA1 = 0.9753172993659973f;
  private static final float GA2 = 0.44717344641685486f;
  private static final float GA3 = 0.11066538840532303f;
  private static final float GA4 = 0.013462557457387447f;
  private static final float GD0 = 0.7978619337081909f;
  private static final float GD1 = 0.4149377644062042f;
  private static final float GD2 = 0.11107482016086578f;
  private static final float GD3 = 0.013444540090858936f;
  private static final float GD4 = 3.4935496273647004e-07f;

  /**
   * softplus clamps |z| here (|x| at SOFTPLUS_LIMIT/beta) and carries e^(−|z|) times
   * 2^SOFTPLUS_SCALE: e^(−150)·2^96 is a normal float; e^(−150) rounds to 0 (as e^(−a) does for
   * every a above 104), and so does e^(−150)/beta for every beta the vector loop takes.
   */
  private static final float SOFTPLUS_LIMIT = 150f;

  private static final int SOFTPLUS_SCALE = 96;

  /**
   * The range of beta for which {@link #softplus} may be given a vector bound above 0. Above the
   * upper end H(t)·2^−96/beta, at least ln(2)·2^−96/beta, would be subnormal. At the lower end
   * the results for |beta·x| beyond 127.9, where the general loop's reduction is no longer exact
   * and the clamp applies, stay below e^(−127.9)·2^32 &lt; 2^−152 and round to 0.
   */
  static final float SOFTPLUS_MIN_BETA = 0x1p-32f;

  static final float SOFTPLUS_MAX_BETA = 0x1p29f;

  // softplus: ln(1 + t) = t·H(t) for t in [0, 1], H of degree 9 through ln(1 + t)/t at Chebyshev
  // nodes (core/fits/kernel_fits.py): relative error 1.4e-8 with the coefficients rounded to float.
  private static final float H0 = 0.999999994656292f;
  private static final float H1 = -0.49999892648063277f;
  private static final float H2 = 0.3332971049891775f;
  private static final float H3 = -0.24951616262872076f;
  private static final float H4 = 0.19663274257204805f;
  private static final float H5 = -0.15269667074363288f;
  private static final float H6 = 0.10543623795419527f;
  private static final float H7 = -0.05637361283010733f;
  private static final float H8 = 0.019542527261014103f;
  private static final float H9 = -0.00317605701843196f;

  private VectorMath() {}

  // The constants, as the bits of floats. A FloatVector constant's lanes are
  // a float[], which C2 cannot tell from the float arrays a loop stores into, so it loads every
  // constant again after each store, in every iteration (20 loads an iteration in geluTanh);
  // an IntVector's lanes are an int[], and its loads leave the loop. A loop declares the ones it
  // uses at the top of its body (k-prefixed locals, each one reinterpretation, hoisted by C2):
  // sigmoid forward then takes some 20% less time, and gelu some 15% (helpers written out).
  // The helpers keep the FloatVector constants.
  private static final IntVector B_IOTA = FloatVector.fromArray(F, IOTA, 0).reinterpretAsInts();
  private static final IntVector B_ONE = bits(1f);
  private static final IntVector B_TWO = bits(2f);
  private static final IntVector B_INFINITY = bits(Float.POSITIVE_INFINITY);
  private static final IntVector B_SHIFT = bits(SHIFT);
  private static final IntVector B_LOG2E = bits(LOG2E);
  private static final IntVector B_NEG_LN2_HI = bits(-LN2_HI);
  private static final IntVector B_NEG_LN2_LO = bits(-LN2_LO);
  private static final IntVector B_Q0 = bits(Q0);
  private static final IntVector B_Q1 = bits(Q1);
  private static final IntVector B_Q2 = bits(Q2);
  private static final IntVector B_Q3 = bits(Q3);
  private static final IntVector B_Q4 = bits(Q4);
  private static final IntVector B_Q5 = bits(Q5);
  private static final IntVector B_EXP_LO = bits(EXP_LO);
  private static final IntVector B_EXP_HI = bits(EXP_HI);
  private static final IntVector B_EXPM1_LO = bits(EXPM1_LO);
  private static final IntVector B_NEG_TWO = bits(-2f);
  private static final IntVector B_HALF = bits(0.5f);
  private static final IntVector B_NEG_HALF = bits(-0.5f);
  private static final IntVector B_NEG_ONE = bits(-1f);
  private static final IntVector B_LG1 = bits(LG1);
  private static final IntVector B_LG2 = bits(LG2);
  private static final IntVector B_LG3 = bits(LG3);
  private static final IntVector B_LG4 = bits(LG4);
  private static final IntVector B_LN2_HI_LOG = bits(LN2_HI_LOG);
  private static final IntVector B_LN2_LO_LOG = bits(LN2_LO_LOG);
  private static final IntVector B_TRIG_LIMIT = bits(TRIG_LIMIT);
  private static final IntVector B_TWO_OVER_PI = bits(TWO_OVER_PI);
  private static final IntVector B_NEG_PIO2_1 = bits(-PIO2_1);
  private static final IntVector B_NEG_PIO2_2 = bits(-PIO2_2);
  private static final IntVector B_NEG_PIO2_3 = bits(-PIO2_3);
  private static final IntVector B_S0 = bits(S0);
  private static final IntVector B_S1 = bits(S1);
  private static final IntVector B_S2 = bits(S2);
  private static final IntVector B_C0 = bits(C0);
  private static final IntVector B_C1 = bits(C1);
  private static final IntVector B_C2 = bits(C2);
  private static final IntVector B_FOUR = bits(4f);
  private static final IntVector B_FAR = bits(FAR);
  private static final IntVector B_HUGE = bits(HUGE);
  private static final IntVector B_NEG_SOFTPLUS_LIMIT = bits(-SOFTPLUS_LIMIT);
  private static final IntVector B_SOFTPLUS_UNSCALE = bits(Math.scalb(1f, -SOFTPLUS_SCALE));
  private static final IntVector B_SOFTPLUS_E_FLOOR = bits(Math.scalb(0x1p-24f, SOFTPLUS_SCALE));
  private static final IntVector B_H0_SCALED = bits(Math.scalb(H0, -SOFTPLUS_SCALE));
  private static final IntVector B_H1_SCALED = bits(Math.scalb(H1, -SOFTPLUS_SCALE));
  private static final IntVector B_H2_SCALED = bits(Math.scalb(H2, -SOFTPLUS_SCALE));
  private static final IntVector B_H3_SCALED = bits(Math.scalb(H3, -SOFTPLUS_SCALE));
  private static final IntVector B_H4_SCALED = bits(Math.scalb(H4, -SOFTPLUS_SCALE));
  private static final IntVector B_H5_SCALED = bits(Math.scalb(H5, -SOFTPLUS_SCALE));
  private static final IntVector B_H6_SCALED = bits(Math.scalb(H6, -SOFTPLUS_SCALE));
  private static final IntVector B_H7_SCALED = bits(Math.scalb(H7, -SOFTPLUS_SCALE));
  private static final IntVector B_H8_SCALED = bits(Math.scalb(H8, -SOFTPLUS_SCALE));
  private static final IntVector B_H9_SCALED = bits(Math.scalb(H9, -SOFTPLUS_SCALE));
  private static final IntVector B_MISH_CLAMP = bits(110f);
  private static final IntVector B_MISH_T_FLOOR = bits(0x1p-30f);
  private static final IntVector B_NEG_FAR = bits(-FAR);
  private static final IntVector B_UNSCALE = bits(0x1p-112f);
  private static final IntVector B_SILU_BIG_X = bits(0x1p34f);
  private static final IntVector B_NEG_SILU_LIMIT = bits(-SILU_LIMIT);
  /** Below this σ(x) rounds to 0: e^−104 is under half the least subnormal (x·σ(x) is not). */
  private static final IntVector B_NEG_SIGMOID_ZERO = bits(-104f);
  private static final IntVector B_SILU_BIG_X_GRAD = bits(0x1p38f);
  private static final IntVector B_K1_HI = bits(K1_HI);
  private static final IntVector B_K1_LO = bits(K1_LO);
  private static final IntVector B_K3_HI = bits(K3_HI);
  private static final IntVector B_K3_LO = bits(K3_LO);
  private static final IntVector B_K3_TIMES_3 = bits((float) (3 * ScalarFunctions.GELU_TANH_K3));
  private static final IntVector B_GELU_TANH_CLAMP = bits(11f);
  private static final IntVector B_NEG_GELU_TANH_CLAMP = bits(-11f);
  private static final IntVector B_PHI_SERIES_LIMIT = bits(PHI_SERIES_LIMIT);
  private static final IntVector B_PHI_LIMIT = bits(PHI_LIMIT);
  private static final IntVector B_UNSCALE_64 = bits(0x1p-64f);
  private static final IntVector B_NEG_INV_SQRT_2PI = bits(-INV_SQRT_2PI);
  private static final IntVector B_INV_SQRT_2PI_UNSCALED = bits(INV_SQRT_2PI * 0x1p-64f);
  private static final IntVector B_GA1 = bits(GA1);
  private static final IntVector B_GA2 = bits(GA2);
  private static final IntVector B_GA3 = bits(GA3);
  private static final IntVector B_GA4 = bits(GA4);
  private static final IntVector B_GD0 = bits(GD0);
  private static final IntVector B_GD1 = bits(GD1);
  private static final IntVector B_GD2 = bits(GD2);
  private static final IntVector B_GD3 = bits(GD3);
  private static final IntVector B_GD4 = bits(GD4);
  private static final IntVector B_P0 = bits(P0);
  private static final IntVector B_P1 = bits(P1);
  private static final IntVector B_P2 = bits(P2);
  private static final IntVector B_P3 = bits(P3);
  private static final IntVector B_P4 = bits(P4);
  private static final IntVector B_R0 = bits(R0);
  private static final IntVector B_R1 = bits(R1);
  private static final IntVector B_R2 = bits(R2);
  private static final IntVector B_R3 = bits(R3);
  private static final IntVector B_R4 = bits(R4);
  private static final IntVector B_R5 = bits(R5);
  private static final IntVector B_R6 = bits(R6);
  private static final IntVector B_R7 = bits(R7);
  private static final IntVector B_R8 = bits(R8);
  private static final IntVector B_R9 = bits(R9);
  private static final IntVector B_R10 = bits(R10);
  private static final IntVector I_ZERO = IntVector.zero(I);
  private static final IntVector I_ONE = IntVector.broadcast(I, 1);
  private static final IntVector I_TWO = IntVector.broadcast(I, 2);
  // Shift counts as vectors: a shift by an int goes through an intrinsic (broadcastInt) that C2
  // on JDK 17 does not always apply deep in a large compilation, and its fallback allocates.
  private static final IntVector I_23 = IntVector.broadcast(I, 23);
  private static final IntVector I_30 = IntVector.broadcast(I, 30);
  private static final IntVector I_31 = IntVector.broadcast(I, 31);
  private static final IntVector I_BIAS = IntVector.broadcast(I, 127);
  private static final IntVector I_SHIFT_BITS = IntVector.broadcast(I, SHIFT_BITS);
  private static final IntVector I_SHIFT_BITS_MINUS_ONE = IntVector.broadcast(I, SHIFT_BITS - 1);
  private static final IntVector I_SIGN = IntVector.broadcast(I, 0x80000000);
  private static final IntVector I_MANTISSA = IntVector.broadcast(I, 0x007fffff);
  private static final IntVector I_SQRT_HALF = IntVector.broadcast(I, SQRT_HALF_BITS);
  private static final IntVector I_LOG_OFFSET =
      IntVector.broadcast(I, 0x3f800000 - SQRT_HALF_BITS);
  private static final IntVector I_FAR_SCALE = IntVector.broadcast(I, FAR_SCALE);
  private static final IntVector I_FAR_BITS = IntVector.broadcast(I, Float.floatToIntBits(FAR));
  /**
   * From the bits of n + SHIFT to the exponent field of 2^(n + 64): the exponentials of gelu (both
   * forms), mish, sigmoid and SiLU's forward carry e^(−a) times 2^64, normal down to a ≈ 131, and
   * take 2^−64 back last (softplus: 2^SOFTPLUS_SCALE).
   */
  private static final IntVector I_EXP_BITS_64 = IntVector.broadcast(I, 127 + 64 - SHIFT_BITS);
  private static final IntVector I_EXP_BITS_SOFTPLUS =
      IntVector.broadcast(I, 127 + SOFTPLUS_SCALE - SHIFT_BITS);
  private static final IntVector I_K_TO_FLOAT = IntVector.broadcast(I, SHIFT_BITS - 127);

  /** A vector of the bits of v in every lane. */
  private static IntVector bits(float v) {
    return IntVector.broadcast(I, Float.floatToRawIntBits(v));
  }

  // The loops below (up to the activations) are whole kernels for one-argument functions, over
  // [0, bound) of x and y from their offsets, bound a whole number of vectors. Their bodies call
  // no method of their own, only Vector API operations, so the exponential's reduction (e^x =
  // 2^n·(1 + r + r²·q(r)) with x = n·ln2 + r, |r| ≤ ln2/2) is written out in each. Two budgets of C2 bound them,
  // both measured: a body of some 30 operations (exp, sigmoid, tanh) kept its intrinsics also
  // inlined into a large caller (JMH's loop around a benchmark, which C2 parses twice; with
  // their constants declared they are now over 325 bytes and compiled on their own); a method
  // of two such bodies, compiled on its own, ran past the node budget in a JVM that had run
  // other kernels first (the last operations, inlined late, lost their exact vector type and
  // their intrinsics), so every loop takes one vector an iteration. (elu's took two while it
  // was under 325 bytes: inlined into JMH's loop with one body, it allocated. With its constants
  // declared it is over 325 bytes with one.)

  /** e^x for every x: +∞ above ~88.72, subnormal results, 0 at −∞; NaN gives NaN. */
  static void exp(float[] x, int xOff, float[] y, int yOff, int bound) {
    for (int i = 0; i < bound; i += L) {
      FloatVector kExpHi = B_EXP_HI.reinterpretAsFloats();
      FloatVector kExpLo = B_EXP_LO.reinterpretAsFloats();
      FloatVector kLog2e = B_LOG2E.reinterpretAsFloats();
      FloatVector kNegLn2Hi = B_NEG_LN2_HI.reinterpretAsFloats();
      FloatVector kNegLn2Lo = B_NEG_LN2_LO.reinterpretAsFloats();
      FloatVector kQ0 = B_Q0.reinterpretAsFloats();
      FloatVector kQ1 = B_Q1.reinterpretAsFloats();
      FloatVector kQ2 = B_Q2.reinterpretAsFloats();
      FloatVector kQ3 = B_Q3.reinterpretAsFloats();
      FloatVector kQ4 = B_Q4.reinterpretAsFloats();
      FloatVector kQ5 = B_Q5.reinterpretAsFloats();
      FloatVector kShift = B_SHIFT.reinterpretAsFloats();
      FloatVector v = FloatVector.fromArray(F, x, xOff + i);
      FloatVector a = v.blend(kExpLo, v.compare(VectorOperators.LT, kExpLo));
      a = a.blend(kExpHi, a.compare(VectorOperators.GT, kExpHi));
      FloatVector t = a.fma(kLog2e, kShift);
      FloatVector n = t.sub(kShift);
      FloatVector r = n.fma(kNegLn2Lo, n.fma(kNegLn2Hi, a));
      FloatVector q = r.fma(kQ5, kQ4).fma(r, kQ3).fma(r, kQ2).fma(r, kQ1).fma(r, kQ0);
      FloatVector p = r.mul(r).fma(q, r);
      // 2^n in two normal factors, so that subnormal results round once, in the last product
      IntVector ni = t.reinterpretAsInts().sub(I_SHIFT_BITS);
      IntVector h = ni.lanewise(VectorOperators.ASHR, I_ONE);
      FloatVector sa = h.add(I_BIAS).lanewise(VectorOperators.LSHL, I_23).reinterpretAsFloats();
      FloatVector sb =
          ni.sub(h).add(I_BIAS).lanewise(VectorOperators.LSHL, I_23).reinterpretAsFloats();
      p.fma(sa, sa).mul(sb).intoArray(y, yOff + i);
    }
  }

  /** e^x − 1 for every x, accurate near 0, keeping the sign of zero; NaN gives NaN. */
  static void expm1(float[] x, int xOff, float[] y, int yOff, int bound) {
    for (int i = 0; i < bound; i += L) {
      FloatVector kExpm1Lo = B_EXPM1_LO.reinterpretAsFloats();
      FloatVector kExpHi = B_EXP_HI.reinterpretAsFloats();
      FloatVector kLog2e = B_LOG2E.reinterpretAsFloats();
      FloatVector kNegLn2Hi = B_NEG_LN2_HI.reinterpretAsFloats();
      FloatVector kNegLn2Lo = B_NEG_LN2_LO.reinterpretAsFloats();
      FloatVector kQ0 = B_Q0.reinterpretAsFloats();
      FloatVector kQ1 = B_Q1.reinterpretAsFloats();
      FloatVector kQ2 = B_Q2.reinterpretAsFloats();
      FloatVector kQ3 = B_Q3.reinterpretAsFloats();
      FloatVector kQ4 = B_Q4.reinterpretAsFloats();
      FloatVector kQ5 = B_Q5.reinterpretAsFloats();
      FloatVector kShift = B_SHIFT.reinterpretAsFloats();
      FloatVector kZero = I_ZERO.reinterpretAsFloats();
      FloatVector v = FloatVector.fromArray(F, x, xOff + i);
      FloatVector a = v.blend(kExpm1Lo, v.compare(VectorOperators.LT, kExpm1Lo));
      a = a.blend(kExpHi, a.compare(VectorOperators.GT, kExpHi));
      FloatVector t = a.fma(kLog2e, kShift);
      FloatVector n = t.sub(kShift);
      FloatVector r = n.fma(kNegLn2Lo, n.fma(kNegLn2Hi, a));
      FloatVector q = r.fma(kQ5, kQ4).fma(r, kQ3).fma(r, kQ2).fma(r, kQ1).fma(r, kQ0);
      FloatVector p = r.mul(r).fma(q, r);
      IntVector ni = t.reinterpretAsInts().sub(I_SHIFT_BITS);
      IntVector h = ni.lanewise(VectorOperators.ASHR, I_ONE);
      IntVector g = ni.sub(h);
      FloatVector sa = h.add(I_BIAS).lanewise(VectorOperators.LSHL, I_23).reinterpretAsFloats();
      FloatVector sb = g.add(I_BIAS).lanewise(VectorOperators.LSHL, I_23).reinterpretAsFloats();
      FloatVector sbInverse =
          I_BIAS.sub(g).lanewise(VectorOperators.LSHL, I_23).reinterpretAsFloats();
      // 2^n·(1+p) − 1 = 2^g·(2^h·p + (2^h − 2^−g)), h = n >> 1, g = n − h: every scale
      // stays a normal float, and 2^h − 2^−g is exact where the −1 matters.
      FloatVector e = p.fma(sa, sa.sub(sbInverse)).mul(sb);
      e.blend(v, v.compare(VectorOperators.EQ, kZero)).intoArray(y, yOff + i);
    }
  }

  /**
   * 1/(1+e^−x) as num/(1+t), t = e^−|x|, num = 1 for x ≥ 0 else t: exact 0 and 1 at ∓∞. m = −|x|
   * comes from the bits by an OR and is clamped to −SILU_LIMIT (a float comparison, so that NaN
   * stays NaN); t is carried times 2^64, normal for every clamped m, 1 + t is one FMA, and for x
   * &lt; 0 the quotient is scaled back last (a subnormal result rounds there), by 0 below −104,
   * where σ rounds to 0 and the product would underflow. So no operation meets a subnormal
   * unless the result is one (on x86 each such operation takes a microcode assist, some ten
   * times an element's time; docs/performance.md, known limits).
   */
  static void sigmoid(float[] x, int xOff, float[] y, int yOff, int bound) {
    for (int i = 0; i < bound; i += L) {
      FloatVector kLog2e = B_LOG2E.reinterpretAsFloats();
      FloatVector kNegLimit = B_NEG_SILU_LIMIT.reinterpretAsFloats();
      FloatVector kNegLn2Hi = B_NEG_LN2_HI.reinterpretAsFloats();
      FloatVector kNegLn2Lo = B_NEG_LN2_LO.reinterpretAsFloats();
      FloatVector kOne = B_ONE.reinterpretAsFloats();
      FloatVector kQ0 = B_Q0.reinterpretAsFloats();
      FloatVector kQ1 = B_Q1.reinterpretAsFloats();
      FloatVector kQ2 = B_Q2.reinterpretAsFloats();
      FloatVector kQ3 = B_Q3.reinterpretAsFloats();
      FloatVector kQ4 = B_Q4.reinterpretAsFloats();
      FloatVector kQ5 = B_Q5.reinterpretAsFloats();
      FloatVector kShift = B_SHIFT.reinterpretAsFloats();
      FloatVector kUnderflow = B_NEG_SIGMOID_ZERO.reinterpretAsFloats();
      FloatVector kUnscale = B_UNSCALE_64.reinterpretAsFloats();
      FloatVector kZero = I_ZERO.reinterpretAsFloats();
      FloatVector v = FloatVector.fromArray(F, x, xOff + i);
      FloatVector m = v.reinterpretAsInts().or(I_SIGN).reinterpretAsFloats();
      m = m.blend(kNegLimit, m.compare(VectorOperators.LT, kNegLimit));
      FloatVector et = m.fma(kLog2e, kShift);
      FloatVector en = et.sub(kShift);
      FloatVector er = en.fma(kNegLn2Lo, en.fma(kNegLn2Hi, m));
      FloatVector eq = er.fma(kQ5, kQ4).fma(er, kQ3).fma(er, kQ2).fma(er, kQ1).fma(er, kQ0);
      FloatVector scale =
          et.reinterpretAsInts()
              .add(I_EXP_BITS_64)
              .lanewise(VectorOperators.LSHL, I_23)
              .reinterpretAsFloats();
      FloatVector e = er.mul(er).fma(eq, er).fma(scale, scale);
      VectorMask<Float> negative = v.compare(VectorOperators.LT, kZero);
      FloatVector back =
          kOne.blend(kUnscale, negative).blend(kZero, v.compare(VectorOperators.LT, kUnderflow));
      kOne.blend(e, negative).div(e.fma(kUnscale, kOne)).mul(back).intoArray(y, yOff + i);
    }
  }


  /**
   * tanh x = sign(x)·(−e)/(2+e), e = e^(−2|x|) − 1 (which for a non-positive argument needs one
   * scale only): accurate near 0, ±0 kept, ±1 at ±∞.
   */
  static void tanh(float[] x, int xOff, float[] y, int yOff, int bound) {
    for (int i = 0; i < bound; i += L) {
      FloatVector kExpm1Lo = B_EXPM1_LO.reinterpretAsFloats();
      FloatVector kLog2e = B_LOG2E.reinterpretAsFloats();
      FloatVector kNegLn2Hi = B_NEG_LN2_HI.reinterpretAsFloats();
      FloatVector kNegLn2Lo = B_NEG_LN2_LO.reinterpretAsFloats();
      FloatVector kNegTwo = B_NEG_TWO.reinterpretAsFloats();
      FloatVector kOne = B_ONE.reinterpretAsFloats();
      FloatVector kQ0 = B_Q0.reinterpretAsFloats();
      FloatVector kQ1 = B_Q1.reinterpretAsFloats();
      FloatVector kQ2 = B_Q2.reinterpretAsFloats();
      FloatVector kQ3 = B_Q3.reinterpretAsFloats();
      FloatVector kQ4 = B_Q4.reinterpretAsFloats();
      FloatVector kQ5 = B_Q5.reinterpretAsFloats();
      FloatVector kShift = B_SHIFT.reinterpretAsFloats();
      FloatVector kTwo = B_TWO.reinterpretAsFloats();
      FloatVector v = FloatVector.fromArray(F, x, xOff + i);
      FloatVector a = v.abs().mul(kNegTwo);
      a = a.blend(kExpm1Lo, a.compare(VectorOperators.LT, kExpm1Lo));
      FloatVector t = a.fma(kLog2e, kShift);
      FloatVector n = t.sub(kShift);
      FloatVector r = n.fma(kNegLn2Lo, n.fma(kNegLn2Hi, a));
      FloatVector q = r.fma(kQ5, kQ4).fma(r, kQ3).fma(r, kQ2).fma(r, kQ1).fma(r, kQ0);
      FloatVector p = r.mul(r).fma(q, r);
      FloatVector s =
          t.reinterpretAsInts()
              .sub(I_SHIFT_BITS)
              .add(I_BIAS)
              .lanewise(VectorOperators.LSHL, I_23)
              .reinterpretAsFloats();
      // s·(1+p) − 1 = s·p + (s − 1); s − 1 is exact for n ≥ −24.
      FloatVector e = p.fma(s, s.sub(kOne));
      // −e/(2+e) ≥ 0; abs clears the sign of a −0, then x's sign bit goes in.
      FloatVector th = e.neg().div(e.add(kTwo)).abs();
      th.reinterpretAsInts()
          .or(v.reinterpretAsInts().and(I_SIGN))
          .reinterpretAsFloats()
          .intoArray(y, yOff + i);
    }
  }

  /**
   * ELU and SELU over [0, bound): positiveScale·x where x &gt; 0, else negativeScale·(e^x − 1)
   * (ELU: 1 and α; SELU: λ and λα); NaN gives NaN, −0 gives negativeScale·−0.
   */
  static void elu(float[] x, float[] y, int bound, float negativeScale, float positiveScale) {
    for (int i = 0; i < bound; i += L) {
      FloatVector kExpm1Lo = B_EXPM1_LO.reinterpretAsFloats();
      FloatVector kLog2e = B_LOG2E.reinterpretAsFloats();
      FloatVector kNegLn2Hi = B_NEG_LN2_HI.reinterpretAsFloats();
      FloatVector kNegLn2Lo = B_NEG_LN2_LO.reinterpretAsFloats();
      FloatVector kOne = B_ONE.reinterpretAsFloats();
      FloatVector kQ0 = B_Q0.reinterpretAsFloats();
      FloatVector kQ1 = B_Q1.reinterpretAsFloats();
      FloatVector kQ2 = B_Q2.reinterpretAsFloats();
      FloatVector kQ3 = B_Q3.reinterpretAsFloats();
      FloatVector kQ4 = B_Q4.reinterpretAsFloats();
      FloatVector kQ5 = B_Q5.reinterpretAsFloats();
      FloatVector kShift = B_SHIFT.reinterpretAsFloats();
      FloatVector kZero = I_ZERO.reinterpretAsFloats();
      FloatVector v = FloatVector.fromArray(F, x, i);
      FloatVector a = v.blend(kExpm1Lo, v.compare(VectorOperators.LT, kExpm1Lo));
      FloatVector t = a.fma(kLog2e, kShift);
      FloatVector n = t.sub(kShift);
      FloatVector r = n.fma(kNegLn2Lo, n.fma(kNegLn2Hi, a));
      FloatVector q = r.fma(kQ5, kQ4).fma(r, kQ3).fma(r, kQ2).fma(r, kQ1).fma(r, kQ0);
      FloatVector p = r.mul(r).fma(q, r);
      FloatVector s =
          t.reinterpretAsInts()
              .sub(I_SHIFT_BITS)
              .add(I_BIAS)
              .lanewise(VectorOperators.LSHL, I_23)
              .reinterpretAsFloats();
      // e^x − 1 for x ≤ 0 (garbage in the lanes x > 0 does not reach the result)
      FloatVector e = p.fma(s, s.sub(kOne)).blend(v, v.compare(VectorOperators.EQ, kZero));
      e.mul(negativeScale)
          .blend(v.mul(positiveScale), v.compare(VectorOperators.GT, kZero))
          .intoArray(y, i);
    }
  }

  /**
   * ln(1+x), accurate near 0, ±0 kept; NaN gives NaN. A vector with a lane where x ≤ −1 or x =
   * +∞ takes the scalar path, Math.log1p.
   */
  static void log1p(float[] x, int xOff, float[] y, int yOff, int bound) {
    for (int i = 0; i < bound; i += L) {
      FloatVector kHalf = B_HALF.reinterpretAsFloats();
      FloatVector kInfinity = B_INFINITY.reinterpretAsFloats();
      FloatVector kLg1 = B_LG1.reinterpretAsFloats();
      FloatVector kLg2 = B_LG2.reinterpretAsFloats();
      FloatVector kLg3 = B_LG3.reinterpretAsFloats();
      FloatVector kLg4 = B_LG4.reinterpretAsFloats();
      FloatVector kLn2HiLog = B_LN2_HI_LOG.reinterpretAsFloats();
      FloatVector kLn2LoLog = B_LN2_LO_LOG.reinterpretAsFloats();
      FloatVector kNegOne = B_NEG_ONE.reinterpretAsFloats();
      FloatVector kOne = B_ONE.reinterpretAsFloats();
      FloatVector kShift = B_SHIFT.reinterpretAsFloats();
      FloatVector kTwo = B_TWO.reinterpretAsFloats();
      FloatVector kZero = I_ZERO.reinterpretAsFloats();
      FloatVector v = FloatVector.fromArray(F, x, xOff + i);
      if (v.compare(VectorOperators.LE, kNegOne)
          .or(v.compare(VectorOperators.EQ, kInfinity))
          .anyTrue()) {
        for (int j = i; j < i + L; j++) {
          y[yOff + j] = (float) Math.log1p(x[xOff + j]);
        }
        continue;
      }
      FloatVector u = v.add(kOne);
      // u = 1+x rounded; c = (1+x) − u, divided by u: the first-order correction of log(u). The
      // subtraction is exact.
      FloatVector c = v.sub(u.sub(kOne)).div(u);
      IntVector iu = u.reinterpretAsInts().add(I_LOG_OFFSET);
      // k = the exponent of u·√2; k as a float: |k| < 2^22, so the shifter trick converts exactly.
      FloatVector dk =
          iu.lanewise(VectorOperators.ASHR, I_23)
              .add(I_K_TO_FLOAT)
              .reinterpretAsFloats()
              .sub(kShift);
      FloatVector f = iu.and(I_MANTISSA).add(I_SQRT_HALF).reinterpretAsFloats().sub(kOne);
      FloatVector s = f.div(f.add(kTwo));
      FloatVector z = s.mul(s);
      FloatVector poly = z.fma(kLg4, kLg3).fma(z, kLg2).fma(z, kLg1);
      FloatVector hfsq = f.mul(f).mul(kHalf);
      FloatVector inner = s.fma(poly.fma(z, hfsq), dk.fma(kLn2LoLog, c));
      FloatVector l = dk.fma(kLn2HiLog, f.sub(hfsq.sub(inner)));
      l.blend(v, v.compare(VectorOperators.EQ, kZero)).intoArray(y, yOff + i);
    }
  }

  /**
   * sin x (offset 0) or cos x (offset 1): reduce |x| by π/2 to r in [−π/4, π/4] with quadrant q,
   * then take ±sin r or ±cos r by q + offset. A vector with a lane where |x| &gt; {@link
   * #TRIG_LIMIT} (or ±∞) takes the scalar path, Math.sin or Math.cos.
   */
  static void sinCos(float[] x, int xOff, float[] y, int yOff, int bound, int offset) {
    IntVector quadrantBias = offset == 0 ? I_SHIFT_BITS : I_SHIFT_BITS_MINUS_ONE;
    IntVector signOfX = offset == 0 ? I_SIGN : I_ZERO;
    for (int i = 0; i < bound; i += L) {
      FloatVector kC0 = B_C0.reinterpretAsFloats();
      FloatVector kC1 = B_C1.reinterpretAsFloats();
      FloatVector kC2 = B_C2.reinterpretAsFloats();
      FloatVector kNegHalf = B_NEG_HALF.reinterpretAsFloats();
      FloatVector kNegPio21 = B_NEG_PIO2_1.reinterpretAsFloats();
      FloatVector kNegPio22 = B_NEG_PIO2_2.reinterpretAsFloats();
      FloatVector kNegPio23 = B_NEG_PIO2_3.reinterpretAsFloats();
      FloatVector kOne = B_ONE.reinterpretAsFloats();
      FloatVector kS0 = B_S0.reinterpretAsFloats();
      FloatVector kS1 = B_S1.reinterpretAsFloats();
      FloatVector kS2 = B_S2.reinterpretAsFloats();
      FloatVector kShift = B_SHIFT.reinterpretAsFloats();
      FloatVector kTrigLimit = B_TRIG_LIMIT.reinterpretAsFloats();
      FloatVector kTwoOverPi = B_TWO_OVER_PI.reinterpretAsFloats();
      FloatVector v = FloatVector.fromArray(F, x, xOff + i);
      FloatVector ax = v.abs();
      if (ax.compare(VectorOperators.GT, kTrigLimit).anyTrue()) {
        for (int j = i; j < i + L; j++) {
          float xj = x[xOff + j];
          y[yOff + j] = (float) (offset == 0 ? Math.sin(xj) : Math.cos(xj));
        }
        continue;
      }
      FloatVector t = ax.fma(kTwoOverPi, kShift);
      FloatVector q = t.sub(kShift);
      FloatVector r = q.fma(kNegPio23, q.fma(kNegPio22, q.fma(kNegPio21, ax)));
      IntVector qi = t.reinterpretAsInts().sub(quadrantBias);
      FloatVector z = r.mul(r);
      FloatVector sp = r.mul(z).fma(z.fma(kS2, kS1).fma(z, kS0), r);
      FloatVector cp = z.mul(z).fma(z.fma(kC2, kC1).fma(z, kC0), z.fma(kNegHalf, kOne));
      IntVector bits =
          sp.reinterpretAsInts()
              .blend(cp.reinterpretAsInts(), qi.and(I_ONE).compare(VectorOperators.NE, I_ZERO));
      // Quadrants 2 and 3 negate; sin is odd, so it also takes the sign of x.
      IntVector sign = qi.and(I_TWO).lanewise(VectorOperators.LSHL, I_30);
      IntVector xSign = v.reinterpretAsInts().and(signOfX);
      bits.lanewise(VectorOperators.XOR, sign.lanewise(VectorOperators.XOR, xSign))
          .reinterpretAsFloats()
          .intoArray(y, yOff + i);
    }
  }

  // The activations below are loops over arrays rather than functions of one vector. They call
  // no helper: each writes out the exponential it needs with the IntVector constants above (a
  // helper's FloatVector constants were reloaded in every iteration, and each call spent some of
  // C2's inlining budget), and each is larger than 325 bytes of bytecode, so that C2 compiles it
  // on its own (see the class comment). (AbstractMask's andNot is not forced inline: masks are
  // combined with and, or and not.)
  //
  // Where the result is tiny, e^(−|z|) is the scaled exponential (see FAR), times 2^112 where
  // |z| > 80, and the product that uses it is scaled back last (by a vector of 1 and 2^−112:
  // multiplying every lane by 2^−112 would make subnormals, each a slow microcode assist, in lanes
  // that discard them), so that a result such as x·e^(−|z|) with |x| > 1 rounds once instead of
  // inheriting the rounding of a subnormal e^(−|z|). And where z = hi + lo is carried in two
  // parts, e^(−|z|) = e^(−|hi|)·(1 − sign(hi)·lo) to within lo²; lo is dropped where |hi| > 160,
  // where it may be infinite.

  /**
   * GELU, x·Φ(x), over x[0, bound) (a whole number of vectors). For |x| ≤ 0.75, x·(½ + x·P(x²)).
   * Beyond, t = |x| clamped to 16 (where the result is x or −0 in float): w = t·Φ(−t) =
   * G(t)·e^(−t²/2)/√(2π) with G = t·A/(t·A + D) (see GA1), and the result is relu(x) − w, the
   * product and the difference rounded once by an FMA, so that a tiny or subnormal result keeps
   * its accuracy. The exponential is e^(−h/2)·(1 − l/2) with t² = h + l split exactly, formed
   * times −2^64/√(2π) (the scale 2^(n + 64), normal down to t = 16, times a float: exact); G
   * carries the 2^−64 (exactly). No compensation is needed: the roundings of t·A mostly cancel in
   * G, leaving those of t·A + D, of the quotient, of the exponential and of the FMA.
   */
  static void gelu(float[] x, float[] y, int bound) {
    for (int i = 0; i < bound; i += L) {
      FloatVector kGa1 = B_GA1.reinterpretAsFloats();
      FloatVector kGa2 = B_GA2.reinterpretAsFloats();
      FloatVector kGa3 = B_GA3.reinterpretAsFloats();
      FloatVector kGa4 = B_GA4.reinterpretAsFloats();
      FloatVector kGd0 = B_GD0.reinterpretAsFloats();
      FloatVector kGd1 = B_GD1.reinterpretAsFloats();
      FloatVector kGd2 = B_GD2.reinterpretAsFloats();
      FloatVector kGd3 = B_GD3.reinterpretAsFloats();
      FloatVector kGd4 = B_GD4.reinterpretAsFloats();
      FloatVector kHalf = B_HALF.reinterpretAsFloats();
      FloatVector kLog2e = B_LOG2E.reinterpretAsFloats();
      FloatVector kNegHalf = B_NEG_HALF.reinterpretAsFloats();
      FloatVector kNegLn2Hi = B_NEG_LN2_HI.reinterpretAsFloats();
      FloatVector kNegLn2Lo = B_NEG_LN2_LO.reinterpretAsFloats();
      FloatVector kNegInvSqrt2Pi = B_NEG_INV_SQRT_2PI.reinterpretAsFloats();
      FloatVector kOne = B_ONE.reinterpretAsFloats();
      FloatVector kP0 = B_P0.reinterpretAsFloats();
      FloatVector kP1 = B_P1.reinterpretAsFloats();
      FloatVector kP2 = B_P2.reinterpretAsFloats();
      FloatVector kP3 = B_P3.reinterpretAsFloats();
      FloatVector kP4 = B_P4.reinterpretAsFloats();
      FloatVector kPhiSeriesLimit = B_PHI_SERIES_LIMIT.reinterpretAsFloats();
      FloatVector kQ0 = B_Q0.reinterpretAsFloats();
      FloatVector kQ1 = B_Q1.reinterpretAsFloats();
      FloatVector kQ2 = B_Q2.reinterpretAsFloats();
      FloatVector kQ3 = B_Q3.reinterpretAsFloats();
      FloatVector kQ4 = B_Q4.reinterpretAsFloats();
      FloatVector kQ5 = B_Q5.reinterpretAsFloats();
      FloatVector kShift = B_SHIFT.reinterpretAsFloats();
      FloatVector kUnscale = B_UNSCALE_64.reinterpretAsFloats();
      FloatVector v = FloatVector.fromArray(F, x, i);
      FloatVector ax = v.abs();
      // For floats of one sign the int order is the float order: the clamp is one integer min
      // (NaN becomes 16 here, but NaN lanes take the series, below)
      FloatVector t = ax.reinterpretAsInts().min(B_PHI_LIMIT).reinterpretAsFloats();
      // m = −t²/2 and the low part −l/2 of t·(−t/2), both exact
      FloatVector mt = t.mul(kNegHalf);
      FloatVector m = t.mul(mt);
      FloatVector mLow = t.fma(mt, m.neg());
      // e = −exp(m)·2^64/√(2π), written out: m ≥ −128 needs no clamp, 2^(n + 64) is normal, and
      // its product with −1/√(2π) exact
      FloatVector et = m.fma(kLog2e, kShift);
      FloatVector en = et.sub(kShift);
      FloatVector er = en.fma(kNegLn2Lo, en.fma(kNegLn2Hi, m));
      FloatVector eq = er.fma(kQ5, kQ4).fma(er, kQ3).fma(er, kQ2).fma(er, kQ1).fma(er, kQ0);
      FloatVector scale =
          et.reinterpretAsInts()
              .add(I_EXP_BITS_64)
              .lanewise(VectorOperators.LSHL, I_23)
              .reinterpretAsFloats()
              .mul(kNegInvSqrt2Pi);
      FloatVector e = er.mul(er).fma(eq, er).fma(scale, scale);
      e = mLow.fma(e, e);
      FloatVector ta = t.mul(t.fma(kGa4, kGa3).fma(t, kGa2).fma(t, kGa1).fma(t, kOne));
      FloatVector d = t.fma(kGd4, kGd3).fma(t, kGd2).fma(t, kGd1).fma(t, kGd0);
      // G·2^−64 is normal (G ≥ 0.4 where it is used)
      FloatVector g = ta.div(ta.add(d)).mul(kUnscale);
      // relu(x) by the bits: negative floats are negative ints; relu − w is −0 where w underflows
      FloatVector relu = v.reinterpretAsInts().max(I_ZERO).reinterpretAsFloats();
      FloatVector outer = g.fma(e, relu);
      FloatVector v2 = v.mul(v);
      FloatVector p = v2.fma(kP4, kP3).fma(v2, kP2).fma(v2, kP1).fma(v2, kP0);
      FloatVector inner = v.mul(v.fma(p, kHalf));
      inner.blend(outer, ax.compare(VectorOperators.GT, kPhiSeriesLimit)).intoArray(y, i);
    }
  }

  /**
   * dx = dy·(Φ(x) + x·φ(x)) over [0, bound), φ(x) = e^(−x²/2)/√(2π), Φ and the exponential (times
   * 2^64) as in {@link #gelu}. For |x| &gt; 0.75, with G = s·R(s) and u = G − t/√(2π), the
   * derivative is e·u for x &lt; 0 and 1 − e·u for x &gt; 0, so dx = dy·[x &gt; 0] ± dy·e·u in one
   * FMA, the step and the sign taken from the bits of −x.
   */
  static void geluDerivative(float[] x, float[] dy, float[] dx, int bound) {
    for (int i = 0; i < bound; i += L) {
      FloatVector kHalf = B_HALF.reinterpretAsFloats();
      FloatVector kInvSqrt2PiUnscaled = B_INV_SQRT_2PI_UNSCALED.reinterpretAsFloats();
      FloatVector kLog2e = B_LOG2E.reinterpretAsFloats();
      FloatVector kNegHalf = B_NEG_HALF.reinterpretAsFloats();
      FloatVector kNegInvSqrt2Pi = B_NEG_INV_SQRT_2PI.reinterpretAsFloats();
      FloatVector kNegLn2Hi = B_NEG_LN2_HI.reinterpretAsFloats();
      FloatVector kNegLn2Lo = B_NEG_LN2_LO.reinterpretAsFloats();
      FloatVector kOne = B_ONE.reinterpretAsFloats();
      FloatVector kP0 = B_P0.reinterpretAsFloats();
      FloatVector kP1 = B_P1.reinterpretAsFloats();
      FloatVector kP2 = B_P2.reinterpretAsFloats();
      FloatVector kP3 = B_P3.reinterpretAsFloats();
      FloatVector kP4 = B_P4.reinterpretAsFloats();
      FloatVector kPhiSeriesLimit = B_PHI_SERIES_LIMIT.reinterpretAsFloats();
      FloatVector kQ0 = B_Q0.reinterpretAsFloats();
      FloatVector kQ1 = B_Q1.reinterpretAsFloats();
      FloatVector kQ2 = B_Q2.reinterpretAsFloats();
      FloatVector kQ3 = B_Q3.reinterpretAsFloats();
      FloatVector kQ4 = B_Q4.reinterpretAsFloats();
      FloatVector kQ5 = B_Q5.reinterpretAsFloats();
      FloatVector kR0 = B_R0.reinterpretAsFloats();
      FloatVector kR1 = B_R1.reinterpretAsFloats();
      FloatVector kR2 = B_R2.reinterpretAsFloats();
      FloatVector kR3 = B_R3.reinterpretAsFloats();
      FloatVector kR4 = B_R4.reinterpretAsFloats();
      FloatVector kR5 = B_R5.reinterpretAsFloats();
      FloatVector kR6 = B_R6.reinterpretAsFloats();
      FloatVector kR7 = B_R7.reinterpretAsFloats();
      FloatVector kR8 = B_R8.reinterpretAsFloats();
      FloatVector kR9 = B_R9.reinterpretAsFloats();
      FloatVector kR10 = B_R10.reinterpretAsFloats();
      FloatVector kShift = B_SHIFT.reinterpretAsFloats();
      FloatVector kTwo = B_TWO.reinterpretAsFloats();
      FloatVector kUnscale = B_UNSCALE_64.reinterpretAsFloats();
      FloatVector v = FloatVector.fromArray(F, x, i);
      FloatVector g = FloatVector.fromArray(F, dy, i);
      FloatVector ax = v.abs();
      FloatVector t = ax.reinterpretAsInts().min(B_PHI_LIMIT).reinterpretAsFloats();
      FloatVector mt = t.mul(kNegHalf);
      FloatVector m = t.mul(mt);
      FloatVector mLow = t.fma(mt, m.neg());
      FloatVector et = m.fma(kLog2e, kShift);
      FloatVector en = et.sub(kShift);
      FloatVector er = en.fma(kNegLn2Lo, en.fma(kNegLn2Hi, m));
      FloatVector eq = er.fma(kQ5, kQ4).fma(er, kQ3).fma(er, kQ2).fma(er, kQ1).fma(er, kQ0);
      FloatVector scale =
          et.reinterpretAsInts()
              .add(I_EXP_BITS_64)
              .lanewise(VectorOperators.LSHL, I_23)
              .reinterpretAsFloats();
      FloatVector e = er.mul(er).fma(eq, er).fma(scale, scale);
      e = mLow.fma(e, e);
      FloatVector s = kOne.div(t.add(kTwo));
      FloatVector r =
          s.fma(kR10, kR9)
              .fma(s, kR8)
              .fma(s, kR7)
              .fma(s, kR6)
              .fma(s, kR5)
              .fma(s, kR4)
              .fma(s, kR3)
              .fma(s, kR2)
              .fma(s, kR1)
              .fma(s, kR0);
      FloatVector u = t.fma(kNegInvSqrt2Pi, r.mul(s));
      // all ones where x > 0 (−x then has its sign bit set), else 0
      IntVector positive = v.neg().reinterpretAsInts().lanewise(VectorOperators.ASHR, I_31);
      FloatVector step = g.reinterpretAsInts().and(positive).reinterpretAsFloats();
      FloatVector signedU =
          u.reinterpretAsInts()
              .lanewise(VectorOperators.XOR, positive.and(I_SIGN))
              .reinterpretAsFloats();
      FloatVector outer = g.fma(signedU.mul(e).mul(kUnscale), step);
      FloatVector v2 = v.mul(v);
      FloatVector p = v2.fma(kP4, kP3).fma(v2, kP2).fma(v2, kP1).fma(v2, kP0);
      FloatVector inner = g.mul(v.mul(kInvSqrt2PiUnscaled).fma(e, v.fma(p, kHalf)));
      inner.blend(outer, ax.compare(VectorOperators.GT, kPhiSeriesLimit)).intoArray(dx, i);
    }
  }

  /**
   * GELU's tanh form over [0, bound): x·σ(z), z = x·(K1 + K3·x²). With t = |x| clamped to 11 by
   * an integer min (beyond, the result is x, or −0 for x &lt; 0, in float), e = e^(−z(t)) and the
   * result is x/(1 + e) for x ≥ 0 and −t·e/(1 + e) for x &lt; 0, rounded by the division and, for
   * x &lt; 0, by taking back the 2^64 the exponential is carried in. A float z would pass |z|·2^−24
   * of relative error to e (some 100 ulp at t = 11), so z is formed as zh + zl: t² and the
   * product by K3 split by FMA, the sum with K1 by Fast2Sum (the larger term first), the
   * constants as float pairs; zl joins the exponential's reduced argument, whose polynomial is
   * in Estrin's scheme. NaN gives NaN (the x ≥ 0 branch, which divides x).
   */
  static void geluTanh(float[] x, float[] y, int bound) {
    for (int i = 0; i < bound; i += L) {
      FloatVector kK1Hi = B_K1_HI.reinterpretAsFloats();
      FloatVector kK1Lo = B_K1_LO.reinterpretAsFloats();
      FloatVector kK3Hi = B_K3_HI.reinterpretAsFloats();
      FloatVector kK3Lo = B_K3_LO.reinterpretAsFloats();
      FloatVector kLog2e = B_LOG2E.reinterpretAsFloats();
      FloatVector kNegLn2Hi = B_NEG_LN2_HI.reinterpretAsFloats();
      FloatVector kNegLn2Lo = B_NEG_LN2_LO.reinterpretAsFloats();
      FloatVector kOne = B_ONE.reinterpretAsFloats();
      FloatVector kQ0 = B_Q0.reinterpretAsFloats();
      FloatVector kQ1 = B_Q1.reinterpretAsFloats();
      FloatVector kQ2 = B_Q2.reinterpretAsFloats();
      FloatVector kQ3 = B_Q3.reinterpretAsFloats();
      FloatVector kQ4 = B_Q4.reinterpretAsFloats();
      FloatVector kQ5 = B_Q5.reinterpretAsFloats();
      FloatVector kShift = B_SHIFT.reinterpretAsFloats();
      FloatVector kUnscale = B_UNSCALE_64.reinterpretAsFloats();
      FloatVector kZero = I_ZERO.reinterpretAsFloats();
      FloatVector kNegClamp = B_NEG_GELU_TANH_CLAMP.reinterpretAsFloats();
      FloatVector v = FloatVector.fromArray(F, x, i);
      FloatVector t = v.abs().reinterpretAsInts().min(B_GELU_TANH_CLAMP).reinterpretAsFloats();
      // w = K1 + K3·t² as w + wl, then z = t·w as zh + zl (zh negated: the exponential's input)
      FloatVector x2 = t.mul(t);
      FloatVector x2l = t.fma(t, x2.neg());
      FloatVector p = x2.mul(kK3Hi);
      FloatVector pl = x2.fma(kK3Hi, p.neg());
      // both terms are positive: their bits order them as integers, for Fast2Sum
      FloatVector big = p.reinterpretAsInts().max(B_K1_HI).reinterpretAsFloats();
      FloatVector small = p.reinterpretAsInts().min(B_K1_HI).reinterpretAsFloats();
      FloatVector w = big.add(small);
      FloatVector sumErr = big.sub(w).add(small);
      FloatVector wl = x2l.fma(kK3Hi, x2.fma(kK3Lo, pl.add(kK1Lo).add(sumErr)));
      FloatVector tNeg = t.neg();
      FloatVector zhNeg = tNeg.mul(w);
      FloatVector zl = t.fma(wl, t.fma(w, zhNeg));
      // e = exp(−zh − zl)·2^64, written out: −zh ≥ −113 needs no clamp, 2^(n + 64) is normal
      FloatVector et = zhNeg.fma(kLog2e, kShift);
      FloatVector en = et.sub(kShift);
      FloatVector er = en.fma(kNegLn2Lo, en.fma(kNegLn2Hi, zhNeg)).sub(zl);
      FloatVector er2 = er.mul(er);
      FloatVector eq =
          er2.mul(er2)
              .fma(er.fma(kQ5, kQ4), er2.fma(er.fma(kQ3, kQ2), er.fma(kQ1, kQ0)));
      FloatVector scale =
          et.reinterpretAsInts()
              .add(I_EXP_BITS_64)
              .lanewise(VectorOperators.LSHL, I_23)
              .reinterpretAsFloats();
      FloatVector e = er2.fma(eq, er).fma(scale, scale);
      FloatVector d = e.fma(kUnscale, kOne);
      // x < 0: (−t·e)/d, then times 2^−64 (subnormal only where the result is), or times 0 where
      // x < −11: the product would underflow, and on x86 take a microcode assist (9x the time)
      VectorMask<Float> negative = v.compare(VectorOperators.LT, kZero);
      FloatVector back =
          kOne.blend(kUnscale, negative).blend(kZero, v.compare(VectorOperators.LT, kNegClamp));
      v.blend(tNeg.mul(e), negative).div(d).mul(back).intoArray(y, i);
    }
  }

  /**
   * dx = dy·σ(z)·(1 + x·(1 − σ(z))·z') over [0, bound), z' = K1 + 3·K3·x². With t, z = zh + zl
   * and e = e^(−z(t))·2^64 as in {@link #geluTanh}, r = 1/(1 + e^(−z)) and p = t·z'(t) ≥ 0: r·(1
   * + p·e^(−z)·r) for x ≥ 0 and e^(−z)·r·(1 − p·r) for x &lt; 0, the latter from the scaled e and
   * scaled back last. e^(−z) is taken as 0 where z &gt; 80, before the 2^−64, so that no lane
   * makes a subnormal it does not use; NaN lanes are made NaN from the bits of |x|.
   */
  static void geluTanhDerivative(float[] x, float[] dy, float[] dx, int bound) {
    for (int i = 0; i < bound; i += L) {
      FloatVector kK1Hi = B_K1_HI.reinterpretAsFloats();
      FloatVector kK1Lo = B_K1_LO.reinterpretAsFloats();
      FloatVector kK3Hi = B_K3_HI.reinterpretAsFloats();
      FloatVector kK3Lo = B_K3_LO.reinterpretAsFloats();
      FloatVector kK3Times3 = B_K3_TIMES_3.reinterpretAsFloats();
      FloatVector kLog2e = B_LOG2E.reinterpretAsFloats();
      FloatVector kNegFar = B_NEG_FAR.reinterpretAsFloats();
      FloatVector kNegLn2Hi = B_NEG_LN2_HI.reinterpretAsFloats();
      FloatVector kNegLn2Lo = B_NEG_LN2_LO.reinterpretAsFloats();
      FloatVector kOne = B_ONE.reinterpretAsFloats();
      FloatVector kQ0 = B_Q0.reinterpretAsFloats();
      FloatVector kQ1 = B_Q1.reinterpretAsFloats();
      FloatVector kQ2 = B_Q2.reinterpretAsFloats();
      FloatVector kQ3 = B_Q3.reinterpretAsFloats();
      FloatVector kQ4 = B_Q4.reinterpretAsFloats();
      FloatVector kQ5 = B_Q5.reinterpretAsFloats();
      FloatVector kShift = B_SHIFT.reinterpretAsFloats();
      FloatVector kUnscale = B_UNSCALE_64.reinterpretAsFloats();
      FloatVector kZero = I_ZERO.reinterpretAsFloats();
      FloatVector kNegClamp = B_NEG_GELU_TANH_CLAMP.reinterpretAsFloats();
      FloatVector v = FloatVector.fromArray(F, x, i);
      FloatVector ax = v.abs();
      FloatVector t = ax.reinterpretAsInts().min(B_GELU_TANH_CLAMP).reinterpretAsFloats();
      // z(t) = zh + zl, zh negated, as in the forward
      FloatVector x2 = t.mul(t);
      FloatVector x2l = t.fma(t, x2.neg());
      FloatVector p = x2.mul(kK3Hi);
      FloatVector pl = x2.fma(kK3Hi, p.neg());
      FloatVector w = kK1Hi.add(p);
      FloatVector bb = w.sub(kK1Hi);
      FloatVector sumErr = kK1Hi.sub(w.sub(bb)).add(p.sub(bb));
      FloatVector wl = x2l.fma(kK3Hi, x2.fma(kK3Lo, pl.add(kK1Lo).add(sumErr)));
      FloatVector zhNeg = t.neg().mul(w);
      FloatVector zl = t.fma(wl, t.fma(w, zhNeg));
      // e = exp(−zh − zl)·2^64, written out
      FloatVector et = zhNeg.fma(kLog2e, kShift);
      FloatVector en = et.sub(kShift);
      FloatVector er = en.fma(kNegLn2Lo, en.fma(kNegLn2Hi, zhNeg)).sub(zl);
      FloatVector eq = er.fma(kQ5, kQ4).fma(er, kQ3).fma(er, kQ2).fma(er, kQ1).fma(er, kQ0);
      FloatVector scale =
          et.reinterpretAsInts()
              .add(I_EXP_BITS_64)
              .lanewise(VectorOperators.LSHL, I_23)
              .reinterpretAsFloats();
      FloatVector e = er.mul(er).fma(eq, er).fma(scale, scale);
      FloatVector te = e.blend(kZero, zhNeg.compare(VectorOperators.LT, kNegFar)).mul(kUnscale);
      FloatVector r = kOne.div(te.add(kOne));
      FloatVector pz = t.mul(x2.fma(kK3Times3, kK1Hi));
      FloatVector positive = r.mul(pz.fma(te.mul(r), kOne));
      // the x < 0 branch scaled back in its lanes, by 0 in the others and below −11 (where it
      // rounds to 0): a subnormal a lane does not keep would take a microcode assist on x86
      VectorMask<Float> isNegative = v.compare(VectorOperators.LT, kZero);
      FloatVector back =
          kZero.blend(kUnscale, isNegative).blend(kZero, v.compare(VectorOperators.LT, kNegClamp));
      FloatVector negative = e.mul(r).mul(pz.neg().fma(r, kOne)).mul(back);
      // all ones (a NaN) where |x| is NaN, else 0
      IntVector nan = B_INFINITY.sub(ax.reinterpretAsInts()).lanewise(VectorOperators.ASHR, I_31);
      FloatVector d =
          positive
              .blend(negative, isNegative)
              .reinterpretAsInts()
              .or(nan)
              .reinterpretAsFloats();
      FloatVector.fromArray(F, dy, i).mul(d).intoArray(dx, i);
    }
  }

  /**
   * SiLU, y = x·σ(beta·x), for units [from, to) (a whole number of vectors) of the row at offset
   * o, beta[u] per unit, any beta. z = beta·x is carried as hi + lo (split by FMA); beta = 0 gives
   * z = 0, also for x = ±∞. m = −|zh| is clamped to −SILU_LIMIT by an OR and an integer min, and
   * e^(−|z|) = e^m·(1 + c) with c = −sign(zh)·zl, the sign flipped by XORs (c is 0 where |zh| is
   * above the limit); the exponential is carried times 2^64. With d = 1 + e^(−|z|), the result is
   * x/d for z ≥ 0 and (x/d)·e^(−|z|) for z &lt; 0, the latter from the scaled exponential and
   * scaled back last, so that a subnormal result rounds in that product. A vector holding an x
   * with |x| &gt; 2^34 takes the scalar formula (see SILU_LIMIT; such x are rare).
   */
  static void silu(float[] x, float[] y, int o, float[] beta, int from, int to) {
    for (int u = from; u < to; u += L) {
      FloatVector kLog2e = B_LOG2E.reinterpretAsFloats();
      FloatVector kNegLimit = B_NEG_SILU_LIMIT.reinterpretAsFloats();
      FloatVector kNegLn2Hi = B_NEG_LN2_HI.reinterpretAsFloats();
      FloatVector kNegLn2Lo = B_NEG_LN2_LO.reinterpretAsFloats();
      FloatVector kOne = B_ONE.reinterpretAsFloats();
      FloatVector kQ0 = B_Q0.reinterpretAsFloats();
      FloatVector kQ1 = B_Q1.reinterpretAsFloats();
      FloatVector kQ2 = B_Q2.reinterpretAsFloats();
      FloatVector kQ3 = B_Q3.reinterpretAsFloats();
      FloatVector kQ4 = B_Q4.reinterpretAsFloats();
      FloatVector kQ5 = B_Q5.reinterpretAsFloats();
      FloatVector kShift = B_SHIFT.reinterpretAsFloats();
      FloatVector kSiluBigX = B_SILU_BIG_X.reinterpretAsFloats();
      FloatVector kUnscale = B_UNSCALE_64.reinterpretAsFloats();
      FloatVector kZero = I_ZERO.reinterpretAsFloats();
      FloatVector v = FloatVector.fromArray(F, x, o + u);
      if (v.abs().compare(VectorOperators.GT, kSiluBigX).anyTrue()) {
        for (int j = u; j < u + L; j++) {
          y[o + j] = ScalarFunctions.silu(x[o + j], beta[j]);
        }
        continue;
      }
      FloatVector b = FloatVector.fromArray(F, beta, u);
      FloatVector xs = v.blend(kZero, b.compare(VectorOperators.EQ, kZero));
      FloatVector zh = b.mul(xs);
      FloatVector zl = b.fma(xs, zh.neg());
      IntVector mBits = zh.reinterpretAsInts().or(I_SIGN);
      FloatVector m = mBits.min(B_NEG_SILU_LIMIT).reinterpretAsFloats();
      // the sign bit where zh ≥ 0: c = −sign(zh)·zl
      IntVector flip = mBits.lanewise(VectorOperators.XOR, zh.reinterpretAsInts());
      FloatVector c =
          zl.reinterpretAsInts()
              .lanewise(VectorOperators.XOR, flip)
              .reinterpretAsFloats()
              .blend(kZero, mBits.reinterpretAsFloats().compare(VectorOperators.LT, kNegLimit));
      FloatVector et = m.fma(kLog2e, kShift);
      FloatVector en = et.sub(kShift);
      FloatVector er = en.fma(kNegLn2Lo, en.fma(kNegLn2Hi, m));
      FloatVector eq = er.fma(kQ5, kQ4).fma(er, kQ3).fma(er, kQ2).fma(er, kQ1).fma(er, kQ0);
      FloatVector scale =
          et.reinterpretAsInts()
              .add(I_EXP_BITS_64)
              .lanewise(VectorOperators.LSHL, I_23)
              .reinterpretAsFloats();
      FloatVector e = er.mul(er).fma(eq, er).fma(scale, scale);
      e = c.fma(e, e);
      FloatVector q = v.div(e.fma(kUnscale, kOne));
      // the product for z < 0, scaled by 0 in the other lanes: for z > 87 it would be subnormal,
      // and on x86 take a microcode assist (8x the time)
      VectorMask<Float> negative = zh.compare(VectorOperators.LT, kZero);
      q.blend(q.mul(e).mul(kZero.blend(kUnscale, negative)), negative).intoArray(y, o + u);
    }
  }

  /**
   * SiLU with β = 1, y = x·σ(x), over [from, to) (a whole number of vectors): {@link #silu} with
   * z = x, which needs no low part, no β and no scalar path for huge x: x &lt; −SILU_LIMIT is
   * replaced by −SILU_LIMIT in the numerator (x·e^x rounds to −0 either way). For β = 1 every
   * operation left gives what it gives in {@link #silu}, so the results are the same bits
   * wherever that kernel takes its vector loop.
   */
  static void siluUnit(float[] x, float[] y, int from, int to) {
    for (int i = from; i < to; i += L) {
      FloatVector kLog2e = B_LOG2E.reinterpretAsFloats();
      FloatVector kNegLn2Hi = B_NEG_LN2_HI.reinterpretAsFloats();
      FloatVector kNegLn2Lo = B_NEG_LN2_LO.reinterpretAsFloats();
      FloatVector kOne = B_ONE.reinterpretAsFloats();
      FloatVector kQ0 = B_Q0.reinterpretAsFloats();
      FloatVector kQ1 = B_Q1.reinterpretAsFloats();
      FloatVector kQ2 = B_Q2.reinterpretAsFloats();
      FloatVector kQ3 = B_Q3.reinterpretAsFloats();
      FloatVector kQ4 = B_Q4.reinterpretAsFloats();
      FloatVector kQ5 = B_Q5.reinterpretAsFloats();
      FloatVector kShift = B_SHIFT.reinterpretAsFloats();
      FloatVector kUnscale = B_UNSCALE_64.reinterpretAsFloats();
      FloatVector kZero = I_ZERO.reinterpretAsFloats();
      FloatVector v = FloatVector.fromArray(F, x, i);
      FloatVector m =
          v.reinterpretAsInts().or(I_SIGN).min(B_NEG_SILU_LIMIT).reinterpretAsFloats();
      FloatVector et = m.fma(kLog2e, kShift);
      FloatVector en = et.sub(kShift);
      FloatVector er = en.fma(kNegLn2Lo, en.fma(kNegLn2Hi, m));
      FloatVector eq = er.fma(kQ5, kQ4).fma(er, kQ3).fma(er, kQ2).fma(er, kQ1).fma(er, kQ0);
      FloatVector scale =
          et.reinterpretAsInts()
              .add(I_EXP_BITS_64)
              .lanewise(VectorOperators.LSHL, I_23)
              .reinterpretAsFloats();
      FloatVector e = er.mul(er).fma(eq, er).fma(scale, scale);
      VectorMask<Float> negative = v.compare(VectorOperators.LT, kZero);
      FloatVector q = v.blend(m, negative).div(e.fma(kUnscale, kOne));
      // as in silu: the product scaled by 0 where x ≥ 0
      q.blend(q.mul(e).mul(kZero.blend(kUnscale, negative)), negative).intoArray(y, i);
    }
  }

  /**
   * SiLU's backward with β = 1 over [from, to) (a whole number of vectors): dx = dy·σ(x)·(1 + x·(1
   * − σ(x))), {@link #siluBackward} with z = x and no β gradient; the same bits for β = 1.
   */
  static void siluUnitDerivative(float[] x, float[] dy, float[] dx, int from, int to) {
    for (int i = from; i < to; i += L) {
      FloatVector kFar = B_FAR.reinterpretAsFloats();
      FloatVector kHuge = B_HUGE.reinterpretAsFloats();
      FloatVector kLog2e = B_LOG2E.reinterpretAsFloats();
      FloatVector kNegLn2Hi = B_NEG_LN2_HI.reinterpretAsFloats();
      FloatVector kNegLn2Lo = B_NEG_LN2_LO.reinterpretAsFloats();
      FloatVector kOne = B_ONE.reinterpretAsFloats();
      FloatVector kQ0 = B_Q0.reinterpretAsFloats();
      FloatVector kQ1 = B_Q1.reinterpretAsFloats();
      FloatVector kQ2 = B_Q2.reinterpretAsFloats();
      FloatVector kQ3 = B_Q3.reinterpretAsFloats();
      FloatVector kQ4 = B_Q4.reinterpretAsFloats();
      FloatVector kQ5 = B_Q5.reinterpretAsFloats();
      FloatVector kShift = B_SHIFT.reinterpretAsFloats();
      FloatVector kUnscale = B_UNSCALE.reinterpretAsFloats();
      FloatVector kZero = I_ZERO.reinterpretAsFloats();
      FloatVector v = FloatVector.fromArray(F, x, i);
      FloatVector a = v.abs();
      // e = the scaled exponential of a (see FAR)
      VectorMask<Float> huge = a.compare(VectorOperators.GT, kHuge);
      FloatVector m = a.blend(kHuge, huge).neg();
      FloatVector et = m.fma(kLog2e, kShift);
      FloatVector en = et.sub(kShift);
      FloatVector er = en.fma(kNegLn2Lo, en.fma(kNegLn2Hi, m));
      FloatVector eq = er.fma(kQ5, kQ4).fma(er, kQ3).fma(er, kQ2).fma(er, kQ1).fma(er, kQ0);
      FloatVector ep = er.mul(er).fma(eq, er);
      IntVector k = et.reinterpretAsInts().sub(I_SHIFT_BITS);
      k = k.add(I_FAR_SCALE, a.reinterpretAsInts().compare(VectorOperators.GT, I_FAR_BITS));
      FloatVector es = k.add(I_BIAS).lanewise(VectorOperators.LSHL, I_23).reinterpretAsFloats();
      FloatVector e = ep.fma(es, es);
      VectorMask<Float> far = a.compare(VectorOperators.GT, kFar);
      VectorMask<Float> negative = v.compare(VectorOperators.LT, kZero);
      FloatVector r = kOne.div(e.blend(kZero, far).add(kOne));
      FloatVector er1 = e.mul(r);
      FloatVector dPos = r.mul(v.fma(er1.blend(kZero, far), kOne));
      FloatVector dNeg = er1.mul(v.fma(r, kOne));
      // dNeg scaled by 0 where x ≥ 0 (unused there, and subnormal for x > 87)
      FloatVector d =
          dPos.blend(dNeg.mul(kZero.blend(kOne.blend(kUnscale, far), negative)), negative)
              .blend(kOne.blend(kZero, negative), huge);
      FloatVector.fromArray(F, dy, i).mul(d).intoArray(dx, i);
    }
  }

  /**
   * SiLU's backward over units [from, to) of the row at offset o: dx = dy·σ(z)·(1 + z·(1 −
   * σ(z))), and, if betaGrad is not null, betaGrad[u] += dy·x²·σ(z)·(1 − σ(z)) in the lanes from
   * {@code firstSummed} on (the others were summed by an overlapping block). With t = e^(−|z|) and r = 1/(1 +
   * t), σ(1 − σ) = t·r² for both signs of z.
   */
  static void siluBackward(
      float[] x, float[] dy, float[] dx, int o, float[] beta, float[] betaGrad, int from, int to,
      int firstSummed) {
    for (int u = from; u < to; u += L) {
      FloatVector kFar = B_FAR.reinterpretAsFloats();
      FloatVector kHuge = B_HUGE.reinterpretAsFloats();
      FloatVector kOne = B_ONE.reinterpretAsFloats();
      FloatVector kSiluBigXGrad = B_SILU_BIG_X_GRAD.reinterpretAsFloats();
      FloatVector kUnscale = B_UNSCALE.reinterpretAsFloats();
      FloatVector kZero = I_ZERO.reinterpretAsFloats();
      FloatVector kLog2e = B_LOG2E.reinterpretAsFloats();
      FloatVector kNegLn2Hi = B_NEG_LN2_HI.reinterpretAsFloats();
      FloatVector kNegLn2Lo = B_NEG_LN2_LO.reinterpretAsFloats();
      FloatVector kQ0 = B_Q0.reinterpretAsFloats();
      FloatVector kQ1 = B_Q1.reinterpretAsFloats();
      FloatVector kQ2 = B_Q2.reinterpretAsFloats();
      FloatVector kQ3 = B_Q3.reinterpretAsFloats();
      FloatVector kQ4 = B_Q4.reinterpretAsFloats();
      FloatVector kQ5 = B_Q5.reinterpretAsFloats();
      FloatVector kShift = B_SHIFT.reinterpretAsFloats();
      FloatVector v = FloatVector.fromArray(F, x, o + u);
      FloatVector b = FloatVector.fromArray(F, beta, u);
      FloatVector xs = v.blend(kZero, b.compare(VectorOperators.EQ, kZero));
      FloatVector zh = b.mul(xs);
      FloatVector a = zh.abs();
      // e = the scaled exponential of a (see FAR)
      FloatVector m = a.blend(kHuge, a.compare(VectorOperators.GT, kHuge)).neg();
      FloatVector et = m.fma(kLog2e, kShift);
      FloatVector en = et.sub(kShift);
      FloatVector rr = en.fma(kNegLn2Lo, en.fma(kNegLn2Hi, m));
      FloatVector eq = rr.fma(kQ5, kQ4).fma(rr, kQ3).fma(rr, kQ2).fma(rr, kQ1).fma(rr, kQ0);
      FloatVector ep = rr.mul(rr).fma(eq, rr);
      IntVector k = et.reinterpretAsInts().sub(I_SHIFT_BITS);
      k = k.add(I_FAR_SCALE, a.reinterpretAsInts().compare(VectorOperators.GT, I_FAR_BITS));
      FloatVector es = k.add(I_BIAS).lanewise(VectorOperators.LSHL, I_23).reinterpretAsFloats();
      FloatVector e = ep.fma(es, es);
      // Only Vector API operations from here on.
      VectorMask<Float> huge = a.compare(VectorOperators.GT, kHuge);
      if (huge.and(v.abs().compare(VectorOperators.GT, kSiluBigXGrad)).anyTrue()) {
        // |βx| > 160 with |x| > 2^38: x²·e^(−|βx|) may still be a float (|β| < 1e-10); rare
        for (int j = u; j < u + L; j++) {
          float xj = x[o + j];
          float g = dy[o + j];
          dx[o + j] = (float) (g * ScalarFunctions.siluDerivative(xj, beta[j]));
          if (betaGrad != null && j - u >= firstSummed) {
            betaGrad[j] += (float) (g * ScalarFunctions.siluBetaDerivative(xj, beta[j]));
          }
        }
        continue;
      }
      e = b.fma(xs, zh.neg())
          .blend(kZero, huge)
          .reinterpretAsInts()
          .lanewise(VectorOperators.XOR, zh.reinterpretAsInts().and(I_SIGN))
          .reinterpretAsFloats()
          .neg()
          .fma(e, e);
      VectorMask<Float> far = a.compare(VectorOperators.GT, kFar);
      VectorMask<Float> negative = zh.compare(VectorOperators.LT, kZero);
      FloatVector r = kOne.div(e.blend(kZero, far).add(kOne));
      FloatVector unscale = kOne.blend(kUnscale, far); // never a subnormal in lanes not far
      FloatVector er = e.mul(r);
      FloatVector dPos = r.mul(zh.fma(er.blend(kZero, far), kOne));
      FloatVector dNeg = er.mul(zh.fma(r, kOne));
      // dNeg scaled by 0 where z ≥ 0 (unused there, and subnormal for z > 87)
      FloatVector d =
          dPos.blend(dNeg.mul(kZero.blend(unscale, negative)), negative)
              .blend(kOne.blend(kZero, negative), huge);
      FloatVector g = FloatVector.fromArray(F, dy, o + u);
      g.mul(d).intoArray(dx, o + u);
      if (betaGrad != null) {
        FloatVector db = v.mul(er).mul(v.mul(r));
        db = db.mul(unscale).blend(kZero, huge);
        // the mask is made here, not passed in: a mask passed to a method is boxed at the call
        VectorMask<Float> sum =
            B_IOTA.reinterpretAsFloats().compare(VectorOperators.GE, (float) firstSummed);
        FloatVector.fromArray(F, betaGrad, u).add(g.mul(db), sum).intoArray(betaGrad, u);
      }
    }
  }

  /**
   * softplus over [0, bound): (max(z, 0) + ln(1 + e^(−|z|)))/beta for z = beta·x, and x where z
   * &gt; threshold, decided on the exact product: x ≥ the least float for which it holds, found
   * once before the loop. beta is in [SOFTPLUS_MIN_BETA, SOFTPLUS_MAX_BETA] (callers take the
   * scalar loop otherwise).
   */
  static void softplus(float[] x, float[] y, int bound, float beta, float threshold) {
    if (beta == 1f) {
      softplusUnitBeta(x, y, bound, threshold);
    } else {
      softplusAnyBeta(x, y, bound, beta, leastAbove(beta, threshold));
    }
  }

  /**
   * The least float x with beta·x &gt; threshold exactly (beta &gt; 0): the product of two floats
   * is exact in double. +∞ where no finite x has it.
   */
  private static float leastAbove(float beta, float threshold) {
    float c = threshold / beta;
    while ((double) beta * c > threshold && c > Float.NEGATIVE_INFINITY) {
      c = Math.nextDown(c);
    }
    while (!((double) beta * c > threshold) && c < Float.POSITIVE_INFINITY) {
      c = Math.nextUp(c);
    }
    return c;
  }

  /**
   * {@link #softplus} for beta other than 1, worked in x: m = −|x| is exact (the bits ORed with
   * the sign), clamped to −SOFTPLUS_LIMIT/beta by an integer min, and e^(beta·m) is reduced with
   * n = round(beta·m·log2(e)) as beta·m − n·ln2, whose first part m·beta − n·LN2_HI_LOG is one FMA
   * (n·LN2_HI_LOG is exact for |n| ≤ 184, |beta·x| up to 127.9; beyond, the result rounds to 0,
   * see SOFTPLUS_MIN_BETA): the product beta·m is never rounded on its own, which would cost
   * |beta·x|·2^−24 of relative error where e^(beta·x) is small. Then, as in {@link
   * #softplusUnitBeta}, relu(x) + t·H(t)/beta is one FMA of the scaled exponential with H times
   * 2^−SOFTPLUS_SCALE, here divided by beta first (a correctly rounded division, normal up to
   * SOFTPLUS_MAX_BETA), so the result is rounded once, subnormal where it is.
   */
  private static void softplusAnyBeta(
      float[] x, float[] y, int bound, float beta, float leastAbove) {
    float negClamp = -SOFTPLUS_LIMIT / beta;
    float betaLog2e = beta * LOG2E;
    for (int i = 0; i < bound; i += L) {
      FloatVector kH0 = B_H0_SCALED.reinterpretAsFloats();
      FloatVector kH1 = B_H1_SCALED.reinterpretAsFloats();
      FloatVector kH2 = B_H2_SCALED.reinterpretAsFloats();
      FloatVector kH3 = B_H3_SCALED.reinterpretAsFloats();
      FloatVector kH4 = B_H4_SCALED.reinterpretAsFloats();
      FloatVector kH5 = B_H5_SCALED.reinterpretAsFloats();
      FloatVector kH6 = B_H6_SCALED.reinterpretAsFloats();
      FloatVector kH7 = B_H7_SCALED.reinterpretAsFloats();
      FloatVector kH8 = B_H8_SCALED.reinterpretAsFloats();
      FloatVector kH9 = B_H9_SCALED.reinterpretAsFloats();
      FloatVector kBeta = FloatVector.broadcast(F, beta);
      FloatVector kBetaLog2e = FloatVector.broadcast(F, betaLog2e);
      FloatVector kLeastAbove = FloatVector.broadcast(F, leastAbove);
      FloatVector kLn2HiLog = B_LN2_HI_LOG.reinterpretAsFloats();
      FloatVector kLn2LoLog = B_LN2_LO_LOG.reinterpretAsFloats();
      FloatVector kQ0 = B_Q0.reinterpretAsFloats();
      FloatVector kQ1 = B_Q1.reinterpretAsFloats();
      FloatVector kQ2 = B_Q2.reinterpretAsFloats();
      FloatVector kQ3 = B_Q3.reinterpretAsFloats();
      FloatVector kQ4 = B_Q4.reinterpretAsFloats();
      FloatVector kQ5 = B_Q5.reinterpretAsFloats();
      FloatVector kShift = B_SHIFT.reinterpretAsFloats();
      FloatVector kUnscale = B_SOFTPLUS_UNSCALE.reinterpretAsFloats();
      IntVector kNegClamp = IntVector.broadcast(I, Float.floatToRawIntBits(negClamp));
      FloatVector v = FloatVector.fromArray(F, x, i);
      FloatVector m = v.reinterpretAsInts().or(I_SIGN).min(kNegClamp).reinterpretAsFloats();
      FloatVector et = m.fma(kBetaLog2e, kShift);
      // −n, so that the reduction's constants keep their signs
      FloatVector negN = kShift.sub(et);
      FloatVector er = negN.fma(kLn2LoLog, m.fma(kBeta, negN.mul(kLn2HiLog)));
      FloatVector er2 = er.mul(er);
      FloatVector eq =
          er2.mul(er2)
              .fma(er.fma(kQ5, kQ4), er2.fma(er.fma(kQ3, kQ2), er.fma(kQ1, kQ0)));
      FloatVector ep = er2.fma(eq, er);
      FloatVector scale =
          et.reinterpretAsInts()
              .add(I_EXP_BITS_SOFTPLUS)
              .lanewise(VectorOperators.LSHL, I_23)
              .reinterpretAsFloats();
      FloatVector e = ep.fma(scale, scale);
      FloatVector t =
          e.reinterpretAsInts().max(B_SOFTPLUS_E_FLOOR).reinterpretAsFloats().mul(kUnscale);
      FloatVector t2 = t.mul(t);
      FloatVector t4 = t2.mul(t2);
      FloatVector h01 = t.fma(kH1, kH0);
      FloatVector h23 = t.fma(kH3, kH2);
      FloatVector h45 = t.fma(kH5, kH4);
      FloatVector h67 = t.fma(kH7, kH6);
      FloatVector h89 = t.fma(kH9, kH8);
      FloatVector h = t4.fma(t4.fma(h89, t2.fma(h67, h45)), t2.fma(h23, h01));
      FloatVector relu = v.reinterpretAsInts().max(I_ZERO).reinterpretAsFloats();
      v.blend(h.div(kBeta).fma(e, relu), v.compare(VectorOperators.LT, kLeastAbove))
          .intoArray(y, i);
    }
  }

  /**
   * {@link #softplus} for beta = 1, the default: z = x is exact (no low part), and the division by
   * beta is none. m = −|x|, clamped to −SOFTPLUS_LIMIT, comes from the bits by an OR and an
   * integer min (NaN lanes become −SOFTPLUS_LIMIT and return x through the threshold's blend), and
   * relu(x) by an integer max. The exponential e is carried times 2^SOFTPLUS_SCALE, a normal
   * float for every clamped m, and ln(1 + t) + relu(x) = t·H(t) + relu(x) is one FMA of e with H
   * scaled back, rounded once (subnormal where e^x is); so no lane needs a branch of its own for
   * tiny results. The exponential's and H's polynomials are evaluated in Estrin's scheme (pairs
   * of terms joined by powers of the argument), which shortens the chain of dependent
   * operations.
   */
  private static void softplusUnitBeta(float[] x, float[] y, int bound, float threshold) {
    for (int i = 0; i < bound; i += L) {
      FloatVector kH0 = B_H0_SCALED.reinterpretAsFloats();
      FloatVector kH1 = B_H1_SCALED.reinterpretAsFloats();
      FloatVector kH2 = B_H2_SCALED.reinterpretAsFloats();
      FloatVector kH3 = B_H3_SCALED.reinterpretAsFloats();
      FloatVector kH4 = B_H4_SCALED.reinterpretAsFloats();
      FloatVector kH5 = B_H5_SCALED.reinterpretAsFloats();
      FloatVector kH6 = B_H6_SCALED.reinterpretAsFloats();
      FloatVector kH7 = B_H7_SCALED.reinterpretAsFloats();
      FloatVector kH8 = B_H8_SCALED.reinterpretAsFloats();
      FloatVector kH9 = B_H9_SCALED.reinterpretAsFloats();
      FloatVector kLog2e = B_LOG2E.reinterpretAsFloats();
      FloatVector kNegLn2Hi = B_NEG_LN2_HI.reinterpretAsFloats();
      FloatVector kNegLn2Lo = B_NEG_LN2_LO.reinterpretAsFloats();
      FloatVector kQ0 = B_Q0.reinterpretAsFloats();
      FloatVector kQ1 = B_Q1.reinterpretAsFloats();
      FloatVector kQ2 = B_Q2.reinterpretAsFloats();
      FloatVector kQ3 = B_Q3.reinterpretAsFloats();
      FloatVector kQ4 = B_Q4.reinterpretAsFloats();
      FloatVector kQ5 = B_Q5.reinterpretAsFloats();
      FloatVector kShift = B_SHIFT.reinterpretAsFloats();
      FloatVector kThreshold = FloatVector.broadcast(F, threshold);
      FloatVector kUnscale = B_SOFTPLUS_UNSCALE.reinterpretAsFloats();
      FloatVector v = FloatVector.fromArray(F, x, i);
      FloatVector m =
          v.reinterpretAsInts().or(I_SIGN).min(B_NEG_SOFTPLUS_LIMIT).reinterpretAsFloats();
      FloatVector et = m.fma(kLog2e, kShift);
      FloatVector en = et.sub(kShift);
      FloatVector er = en.fma(kNegLn2Lo, en.fma(kNegLn2Hi, m));
      FloatVector er2 = er.mul(er);
      FloatVector eq =
          er2.mul(er2)
              .fma(er.fma(kQ5, kQ4), er2.fma(er.fma(kQ3, kQ2), er.fma(kQ1, kQ0)));
      FloatVector ep = er2.fma(eq, er);
      FloatVector scale =
          et.reinterpretAsInts()
              .add(I_EXP_BITS_SOFTPLUS)
              .lanewise(VectorOperators.LSHL, I_23)
              .reinterpretAsFloats();
      FloatVector e = ep.fma(scale, scale);
      // ln(1 + t) = t·H(t) for t = e^(−|x|) in [0, 1]. H is evaluated at max(t, 2^−24) (below,
      // it is 1 in float) and times 2^−SOFTPLUS_SCALE (its coefficients so scaled): its products
      // and sums stay normal, and e times it is t·H(t). So only the last operation meets a
      // subnormal (x < −87); on x86 each such operation takes a microcode assist, and H at t
      // itself took 1.7 times the time there.
      FloatVector t =
          e.reinterpretAsInts().max(B_SOFTPLUS_E_FLOOR).reinterpretAsFloats().mul(kUnscale);
      FloatVector t2 = t.mul(t);
      FloatVector t4 = t2.mul(t2);
      FloatVector h01 = t.fma(kH1, kH0);
      FloatVector h23 = t.fma(kH3, kH2);
      FloatVector h45 = t.fma(kH5, kH4);
      FloatVector h67 = t.fma(kH7, kH6);
      FloatVector h89 = t.fma(kH9, kH8);
      FloatVector h = t4.fma(t4.fma(h89, t2.fma(h67, h45)), t2.fma(h23, h01));
      FloatVector relu = v.reinterpretAsInts().max(I_ZERO).reinterpretAsFloats();
      v.blend(e.fma(h, relu), v.compare(VectorOperators.LE, kThreshold)).intoArray(y, i);
    }
  }

  /** dx = dy·σ(beta·x) over [0, bound), and dy where beta·x &gt; threshold. */
  static void softplusDerivative(
      float[] x, float[] dy, float[] dx, int bound, float beta, float threshold) {
    for (int i = 0; i < bound; i += L) {
      FloatVector kFar = B_FAR.reinterpretAsFloats();
      FloatVector kHuge = B_HUGE.reinterpretAsFloats();
      FloatVector kLog2e = B_LOG2E.reinterpretAsFloats();
      FloatVector kNegLn2Hi = B_NEG_LN2_HI.reinterpretAsFloats();
      FloatVector kNegLn2Lo = B_NEG_LN2_LO.reinterpretAsFloats();
      FloatVector kOne = B_ONE.reinterpretAsFloats();
      FloatVector kQ0 = B_Q0.reinterpretAsFloats();
      FloatVector kQ1 = B_Q1.reinterpretAsFloats();
      FloatVector kQ2 = B_Q2.reinterpretAsFloats();
      FloatVector kQ3 = B_Q3.reinterpretAsFloats();
      FloatVector kQ4 = B_Q4.reinterpretAsFloats();
      FloatVector kQ5 = B_Q5.reinterpretAsFloats();
      FloatVector kShift = B_SHIFT.reinterpretAsFloats();
      FloatVector kUnscale = B_UNSCALE.reinterpretAsFloats();
      FloatVector kZero = I_ZERO.reinterpretAsFloats();
      FloatVector v = FloatVector.fromArray(F, x, i);
      FloatVector zh = v.mul(beta);
      FloatVector a = zh.abs();
      // e = the scaled exponential of a (see FAR)
      FloatVector m = a.blend(kHuge, a.compare(VectorOperators.GT, kHuge)).neg();
      FloatVector et = m.fma(kLog2e, kShift);
      FloatVector en = et.sub(kShift);
      FloatVector er = en.fma(kNegLn2Lo, en.fma(kNegLn2Hi, m));
      FloatVector eq = er.fma(kQ5, kQ4).fma(er, kQ3).fma(er, kQ2).fma(er, kQ1).fma(er, kQ0);
      FloatVector ep = er.mul(er).fma(eq, er);
      IntVector k = et.reinterpretAsInts().sub(I_SHIFT_BITS);
      k = k.add(I_FAR_SCALE, a.reinterpretAsInts().compare(VectorOperators.GT, I_FAR_BITS));
      FloatVector es = k.add(I_BIAS).lanewise(VectorOperators.LSHL, I_23).reinterpretAsFloats();
      FloatVector e = ep.fma(es, es);
      // Only Vector API operations from here on.
      FloatVector zl = v.lanewise(VectorOperators.FMA, beta, zh.neg());
      e = zl.blend(kZero, a.compare(VectorOperators.GT, kHuge))
          .reinterpretAsInts()
          .lanewise(VectorOperators.XOR, zh.reinterpretAsInts().and(I_SIGN))
          .reinterpretAsFloats()
          .neg()
          .fma(e, e);
      VectorMask<Float> far = a.compare(VectorOperators.GT, kFar);
      FloatVector r = kOne.div(e.blend(kZero, far).add(kOne));
      FloatVector neg = e.mul(r);
      VectorMask<Float> above =
          zh.compare(VectorOperators.GT, threshold)
              .or(
                  zh.compare(VectorOperators.EQ, threshold)
                      .and(zl.compare(VectorOperators.GT, kZero)));
      // the z < 0 branch scaled back in its lanes and by 0 in the others, where for z > 87 it
      // would be subnormal (a microcode assist on x86)
      VectorMask<Float> negative = zh.compare(VectorOperators.LT, kZero);
      FloatVector s =
          r.blend(neg.mul(kZero.blend(kOne.blend(kUnscale, far), negative)), negative)
              .blend(kOne, above);
      FloatVector.fromArray(F, dy, i).mul(s).intoArray(dx, i);
    }
  }

  /**
   * mish, x·tanh(ln(1 + e^x)), with t = e^(−|x|): x·t(t + 2)/(t(t + 2) + 2) for x ≤ 0 and
   * x·(1 + 2t)/(1 + 2t + 2t²) for x &gt; 0, neither of which cancels; x·t where x &lt; −80, from
   * the scaled exponential.
   */
  static void mish(float[] x, float[] y, int bound) {
    for (int i = 0; i < bound; i += L) {
      FloatVector kFar = B_FAR.reinterpretAsFloats();
      FloatVector kLog2e = B_LOG2E.reinterpretAsFloats();
      FloatVector kNegFar = B_NEG_FAR.reinterpretAsFloats();
      FloatVector kNegLn2Hi = B_NEG_LN2_HI.reinterpretAsFloats();
      FloatVector kNegLn2Lo = B_NEG_LN2_LO.reinterpretAsFloats();
      FloatVector kOne = B_ONE.reinterpretAsFloats();
      FloatVector kQ0 = B_Q0.reinterpretAsFloats();
      FloatVector kQ1 = B_Q1.reinterpretAsFloats();
      FloatVector kQ2 = B_Q2.reinterpretAsFloats();
      FloatVector kQ3 = B_Q3.reinterpretAsFloats();
      FloatVector kQ4 = B_Q4.reinterpretAsFloats();
      FloatVector kQ5 = B_Q5.reinterpretAsFloats();
      FloatVector kShift = B_SHIFT.reinterpretAsFloats();
      FloatVector kTwo = B_TWO.reinterpretAsFloats();
      FloatVector kUnscale = B_UNSCALE_64.reinterpretAsFloats();
      FloatVector kZero = I_ZERO.reinterpretAsFloats();
      FloatVector v = FloatVector.fromArray(F, x, i);
      // a = |x| clamped to 110 by an integer min (below −110 the result is −0 all the same; NaN
      // lanes end in x·num/den, which is NaN)
      FloatVector a = v.abs().reinterpretAsInts().min(B_MISH_CLAMP).reinterpretAsFloats();
      // e = e^(−a)·2^64, written out (this body calls no method of its own): 2^(n + 64) is
      // normal for every a ≤ 110
      FloatVector m = a.neg();
      FloatVector et = m.fma(kLog2e, kShift);
      FloatVector en = et.sub(kShift);
      FloatVector r = en.fma(kNegLn2Lo, en.fma(kNegLn2Hi, m));
      FloatVector q = r.fma(kQ5, kQ4).fma(r, kQ3).fma(r, kQ2).fma(r, kQ1).fma(r, kQ0);
      FloatVector scale =
          et.reinterpretAsInts()
              .add(I_EXP_BITS_64)
              .lanewise(VectorOperators.LSHL, I_23)
              .reinterpretAsFloats();
      FloatVector e = r.mul(r).fma(q, r).fma(scale, scale);
      // t = e^(−a), 0 where a > 80 (zeroed before the 2^−64: no subnormals in lanes that drop them)
      FloatVector t = e.blend(kZero, a.compare(VectorOperators.GT, kFar)).mul(kUnscale);
      FloatVector twoT = t.add(t);
      VectorMask<Float> positive = v.compare(VectorOperators.GT, kZero);
      FloatVector num = t.fma(t, twoT).blend(twoT.add(kOne), positive);
      FloatVector den = num.add(kTwo).blend(twoT.fma(t, num), positive);
      // x < −80: x·e^x from the scaled e, scaled back last so that it rounds once; scaled by 0 in
      // the other lanes, where for |x| > 87 it would be subnormal (a microcode assist on x86)
      VectorMask<Float> far = v.compare(VectorOperators.LT, kNegFar);
      v.mul(num)
          .div(den)
          .blend(a.neg().mul(e).mul(kZero.blend(kUnscale, far)), far)
          .intoArray(y, i);
    }
  }

  /**
   * dx = dy·mish'(x) over [0, bound), written with t = e^(−|x|) as ScalarFunctions.mishDerivative
   * writes it: t·((t + 2)·m + 4x(1 + t))/m² with m = t(t + 2) + 2 for x ≤ 0, (N·D + 4x·t²(1 +
   * t))/D² with N = 1 + 2t, D = N + 2t² for x &gt; 0, and t·(1 + x) where x &lt; −80.
   */
  static void mishDerivative(float[] x, float[] dy, float[] dx, int bound) {
    for (int i = 0; i < bound; i += L) {
      FloatVector kFar = B_FAR.reinterpretAsFloats();
      FloatVector kFour = B_FOUR.reinterpretAsFloats();
      FloatVector kLog2e = B_LOG2E.reinterpretAsFloats();
      FloatVector kNegFar = B_NEG_FAR.reinterpretAsFloats();
      FloatVector kNegLn2Hi = B_NEG_LN2_HI.reinterpretAsFloats();
      FloatVector kNegLn2Lo = B_NEG_LN2_LO.reinterpretAsFloats();
      FloatVector kOne = B_ONE.reinterpretAsFloats();
      FloatVector kQ0 = B_Q0.reinterpretAsFloats();
      FloatVector kQ1 = B_Q1.reinterpretAsFloats();
      FloatVector kQ2 = B_Q2.reinterpretAsFloats();
      FloatVector kQ3 = B_Q3.reinterpretAsFloats();
      FloatVector kQ4 = B_Q4.reinterpretAsFloats();
      FloatVector kQ5 = B_Q5.reinterpretAsFloats();
      FloatVector kShift = B_SHIFT.reinterpretAsFloats();
      FloatVector kTwo = B_TWO.reinterpretAsFloats();
      FloatVector kUnscale = B_UNSCALE_64.reinterpretAsFloats();
      FloatVector kZero = I_ZERO.reinterpretAsFloats();
      FloatVector v = FloatVector.fromArray(F, x, i);
      IntVector absBits = v.abs().reinterpretAsInts();
      // a, e = e^(−a)·2^64 and t as in mish's forward
      FloatVector a = absBits.min(B_MISH_CLAMP).reinterpretAsFloats();
      FloatVector ma = a.neg();
      FloatVector et = ma.fma(kLog2e, kShift);
      FloatVector en = et.sub(kShift);
      FloatVector r = en.fma(kNegLn2Lo, en.fma(kNegLn2Hi, ma));
      FloatVector q = r.fma(kQ5, kQ4).fma(r, kQ3).fma(r, kQ2).fma(r, kQ1).fma(r, kQ0);
      FloatVector scale =
          et.reinterpretAsInts()
              .add(I_EXP_BITS_64)
              .lanewise(VectorOperators.LSHL, I_23)
              .reinterpretAsFloats();
      FloatVector e = r.mul(r).fma(q, r).fma(scale, scale);
      FloatVector t = e.blend(kZero, a.compare(VectorOperators.GT, kFar)).mul(kUnscale);
      // x clamped to ±110: a with the sign of x
      FloatVector xc =
          a.reinterpretAsInts().or(v.reinterpretAsInts().and(I_SIGN)).reinterpretAsFloats();
      FloatVector onePlusT = t.add(kOne);
      FloatVector twoT = t.add(t);
      FloatVector fourX = xc.mul(kFour);
      FloatVector m = t.fma(t, twoT).add(kTwo);
      FloatVector k = t.add(kTwo).fma(m, fourX.mul(onePlusT));
      FloatVector negative = t.mul(k).div(m.mul(m));
      FloatVector n = twoT.add(kOne);
      FloatVector d = twoT.fma(t, n);
      // t² from t ≥ 2^−30: below, 4x·t²·(1 + t) is far under N·D's rounding, and a subnormal t²
      // (x > 44) would take a microcode assist on x86
      FloatVector tF = t.reinterpretAsInts().max(B_MISH_T_FLOOR).reinterpretAsFloats();
      FloatVector positive = n.fma(d, fourX.mul(tF.mul(tF)).mul(onePlusT)).div(d.mul(d));
      // all ones (a NaN) where |x| is NaN, else 0
      IntVector nan = B_INFINITY.sub(absBits).lanewise(VectorOperators.ASHR, I_31);
      // x < −80: e^x·(x + 1) from the scaled e, scaled back last (by 0 in the other lanes, where
      // it may be subnormal and unused)
      VectorMask<Float> far = v.compare(VectorOperators.LT, kNegFar);
      FloatVector dm =
          negative
              .blend(positive, v.compare(VectorOperators.GT, kZero))
              .blend(e.mul(xc.add(kOne)).mul(kZero.blend(kUnscale, far)), far)
              .reinterpretAsInts()
              .or(nan)
              .reinterpretAsFloats();
      FloatVector.fromArray(F, dy, i).mul(dm).intoArray(dx, i);
    }
  }

}
