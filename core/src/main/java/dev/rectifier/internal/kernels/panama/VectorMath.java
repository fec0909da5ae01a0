package dev.rectifier.internal.kernels.panama;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Polynomial math on float vectors of the preferred species, for the vector kernels.
 *
 * <p>The Vector API's own EXP, TANH, SIN and friends are not intrinsified on JDK 17 (they cost
 * tens of nanoseconds per element), so these are written with FMA and integer bit tricks only.
 * Every method is small and static so that C2 inlines it into the kernel loop and keeps the
 * vectors in registers; a method that is not inlined would box its vectors on every call.
 *
 * <p>All vector kernels use this one float species (and integer vectors of its shape, by
 * reinterpretation). A second float species in the same JVM is worse than it looks on JDK 17: the
 * Vector API's generic code then sees two vector classes in its type profiles, C2 can no longer
 * tell which class a call makes, and the intrinsics stop applying to both species.
 *
 * <p>Accuracy, measured over every float input against the float nearest the double-precision
 * result (subnormal results in subnormal ulps): exp, expm1, elu and log1p within 1 ulp, sigmoid
 * and tanh within 2 ulp; sin and cos within 2 ulp for |x| ≤ {@link #TRIG_LIMIT}, zeros of the
 * functions included (callers take the scalar path beyond). The contract promises 4 ulp. NaN
 * gives NaN, infinities the limits, and the exact limits are exact.
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
  private static final VectorShuffle<Float> FOLD_32 = fold(32);
  private static final VectorShuffle<Float> FOLD_16 = fold(16);
  private static final VectorShuffle<Float> FOLD_8 = fold(8);
  private static final VectorShuffle<Float> FOLD_4 = fold(4);
  private static final VectorShuffle<Float> FOLD_2 = fold(2);
  private static final VectorShuffle<Float> FOLD_1 = fold(1);

  private static VectorShuffle<Float> fold(int k) {
    return k < L ? VectorShuffle.fromOp(F, i -> i ^ k) : null;
  }

  /**
   * The sum of the lanes, always in the same order: a fixed binary tree. {@code
   * reduceLanes(ADD)} is allowed to add in another order when compiled than when interpreted, so
   * one computation could give different bits at different times in one run; this cannot.
   */
  static float sum(FloatVector v) {
    if (L > 32) {
      v = v.add(v.rearrange(FOLD_32));
    }
    if (L > 16) {
      v = v.add(v.rearrange(FOLD_16));
    }
    if (L > 8) {
      v = v.add(v.rearrange(FOLD_8));
    }
    if (L > 4) {
      v = v.add(v.rearrange(FOLD_4));
    }
    if (L > 2) {
      v = v.add(v.rearrange(FOLD_2));
    }
    if (L > 1) {
      v = v.add(v.rearrange(FOLD_1));
    }
    return v.lane(0);
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

  private VectorMath() {}

  // The constants as vectors. An operation with a scalar operand broadcasts it through some ten
  // nested calls, and the helpers below nest a few more; where a kernel is inlined deep into its
  // caller, C2 (MaxInlineLevel 15 on JDK 17) stops inlining before the intrinsic and runs the
  // boxed Java fallback instead. A constant vector costs one load and no call depth. (They never
  // start an accumulator: a constant merged into a loop variable would be boxed.)
  private static final FloatVector V_ZERO = FloatVector.zero(F);
  private static final FloatVector V_ONE = bc(1f);
  private static final FloatVector V_TWO = bc(2f);
  private static final FloatVector V_INFINITY = bc(Float.POSITIVE_INFINITY);
  private static final FloatVector V_SHIFT = bc(SHIFT);
  private static final FloatVector V_LOG2E = bc(LOG2E);
  private static final FloatVector V_NEG_LN2_HI = bc(-LN2_HI);
  private static final FloatVector V_NEG_LN2_LO = bc(-LN2_LO);
  private static final FloatVector V_Q0 = bc(Q0);
  private static final FloatVector V_Q1 = bc(Q1);
  private static final FloatVector V_Q2 = bc(Q2);
  private static final FloatVector V_Q3 = bc(Q3);
  private static final FloatVector V_Q4 = bc(Q4);
  private static final FloatVector V_Q5 = bc(Q5);
  private static final FloatVector V_EXP_LO = bc(EXP_LO);
  private static final FloatVector V_EXP_HI = bc(EXP_HI);
  private static final FloatVector V_EXPM1_LO = bc(EXPM1_LO);
  private static final FloatVector V_NEG_TWO = bc(-2f);
  private static final FloatVector V_HALF = bc(0.5f);
  private static final FloatVector V_NEG_HALF = bc(-0.5f);
  private static final FloatVector V_NEG_ONE = bc(-1f);
  private static final FloatVector V_LG1 = bc(LG1);
  private static final FloatVector V_LG2 = bc(LG2);
  private static final FloatVector V_LG3 = bc(LG3);
  private static final FloatVector V_LG4 = bc(LG4);
  private static final FloatVector V_LN2_HI_LOG = bc(LN2_HI_LOG);
  private static final FloatVector V_LN2_LO_LOG = bc(LN2_LO_LOG);
  private static final FloatVector V_TRIG_LIMIT = bc(TRIG_LIMIT);
  private static final FloatVector V_TWO_OVER_PI = bc(TWO_OVER_PI);
  private static final FloatVector V_NEG_PIO2_1 = bc(-PIO2_1);
  private static final FloatVector V_NEG_PIO2_2 = bc(-PIO2_2);
  private static final FloatVector V_NEG_PIO2_3 = bc(-PIO2_3);
  private static final FloatVector V_S0 = bc(S0);
  private static final FloatVector V_S1 = bc(S1);
  private static final FloatVector V_S2 = bc(S2);
  private static final FloatVector V_C0 = bc(C0);
  private static final FloatVector V_C1 = bc(C1);
  private static final FloatVector V_C2 = bc(C2);
  private static final IntVector I_ZERO = IntVector.zero(I);
  private static final IntVector I_ONE = IntVector.broadcast(I, 1);
  private static final IntVector I_TWO = IntVector.broadcast(I, 2);
  private static final IntVector I_BIAS = IntVector.broadcast(I, 127);
  private static final IntVector I_SHIFT_BITS = IntVector.broadcast(I, SHIFT_BITS);
  private static final IntVector I_SIGN = IntVector.broadcast(I, 0x80000000);
  private static final IntVector I_MANTISSA = IntVector.broadcast(I, 0x007fffff);
  private static final IntVector I_SQRT_HALF = IntVector.broadcast(I, SQRT_HALF_BITS);
  private static final IntVector I_LOG_OFFSET =
      IntVector.broadcast(I, 0x3f800000 - SQRT_HALF_BITS);
  private static final IntVector I_K_TO_FLOAT = IntVector.broadcast(I, SHIFT_BITS - 127);

  /** A vector of v in every lane; for constants and per-call parameters, outside loops. */
  static FloatVector bc(float v) {
    return FloatVector.broadcast(F, v);
  }

  /**
   * e^r − 1 = r + r²·q(r) for |r| ≤ ln2/2 (a little beyond is fine), from x = n·ln2 + r, where t
   * holds n in its low bits (x·log2e + 1.5·2^23).
   */
  private static FloatVector expm1Reduced(FloatVector x, FloatVector t) {
    FloatVector n = t.sub(V_SHIFT);
    FloatVector r = n.fma(V_NEG_LN2_HI, x);
    r = n.fma(V_NEG_LN2_LO, r);
    FloatVector q = r.fma(V_Q5, V_Q4);
    q = q.fma(r, V_Q3);
    q = q.fma(r, V_Q2);
    q = q.fma(r, V_Q1);
    q = q.fma(r, V_Q0);
    return r.mul(r).fma(q, r);
  }

  /** 2^n for integer n in [−126, 127], from the exponent bits. */
  private static FloatVector pow2(IntVector n) {
    return n.add(I_BIAS).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
  }

  /**
   * e^x for x in [EXP_LO, EXP_HI] (or NaN), including subnormal results. The scale 2^n is applied
   * in two steps so that every scale is a normal float and results below the normal range round
   * once, in the last step.
   */
  private static FloatVector expClamped(FloatVector x) {
    FloatVector t = x.fma(V_LOG2E, V_SHIFT);
    FloatVector p = expm1Reduced(x, t);
    IntVector ni = t.reinterpretAsInts().sub(I_SHIFT_BITS);
    IntVector n1 = ni.lanewise(VectorOperators.ASHR, 1);
    FloatVector s1 = pow2(n1);
    return p.fma(s1, s1).mul(pow2(ni.sub(n1)));
  }

  /** e^x for every x: +∞ above ~88.72, subnormal results, 0 at −∞; NaN gives NaN. */
  static FloatVector exp(FloatVector x) {
    FloatVector xc = x.blend(V_EXP_LO, x.compare(VectorOperators.LT, V_EXP_LO));
    xc = xc.blend(V_EXP_HI, xc.compare(VectorOperators.GT, V_EXP_HI));
    return expClamped(xc);
  }

  /**
   * e^x − 1 for x ≤ 0 (other lanes get garbage, not traps), −1 below −18; NaN gives NaN. The sign
   * of a zero is not kept.
   */
  private static FloatVector expm1NonPositive(FloatVector x) {
    FloatVector xc = x.blend(V_EXPM1_LO, x.compare(VectorOperators.LT, V_EXPM1_LO));
    FloatVector t = xc.fma(V_LOG2E, V_SHIFT);
    FloatVector p = expm1Reduced(xc, t);
    FloatVector s = pow2(t.reinterpretAsInts().sub(I_SHIFT_BITS));
    // s·(1+p) − 1 = s·p + (s − 1); s − 1 is exact for n ≥ −24.
    return p.fma(s, s.sub(V_ONE));
  }

  /** e^x − 1 for every x, accurate near 0, keeping the sign of zero; NaN gives NaN. */
  static FloatVector expm1(FloatVector x) {
    FloatVector xc = x.blend(V_EXPM1_LO, x.compare(VectorOperators.LT, V_EXPM1_LO));
    xc = xc.blend(V_EXP_HI, xc.compare(VectorOperators.GT, V_EXP_HI));
    FloatVector t = xc.fma(V_LOG2E, V_SHIFT);
    FloatVector p = expm1Reduced(xc, t);
    IntVector ni = t.reinterpretAsInts().sub(I_SHIFT_BITS);
    IntVector n1 = ni.lanewise(VectorOperators.ASHR, 1);
    IntVector n2 = ni.sub(n1);
    FloatVector s1 = pow2(n1);
    // 2^n·(1+p) − 1 = 2^n2·(2^n1·p + (2^n1 − 2^−n2)): every scale stays a normal float, and
    // 2^n1 − 2^−n2 is exact where the −1 matters.
    FloatVector y = p.fma(s1, s1.sub(pow2(n2.neg()))).mul(pow2(n2));
    return y.blend(x, x.compare(VectorOperators.EQ, V_ZERO));
  }

  /** 1/(1+e^−x) as num/(1+t), t = e^−|x|, num = 1 for x ≥ 0 else t: exact 0 and 1 at ∓∞. */
  static FloatVector sigmoid(FloatVector x) {
    FloatVector nx = x.abs().neg();
    FloatVector t = expClamped(nx.blend(V_EXP_LO, nx.compare(VectorOperators.LT, V_EXP_LO)));
    FloatVector num = t.blend(V_ONE, x.compare(VectorOperators.GE, V_ZERO));
    return num.div(t.add(V_ONE));
  }

  /** tanh x = sign(x)·(−e)/(2+e), e = expm1(−2|x|): accurate near 0, ±0 kept, ±1 at ±∞. */
  static FloatVector tanh(FloatVector x) {
    FloatVector e = expm1NonPositive(x.abs().mul(V_NEG_TWO));
    // −e/(2+e) ≥ 0; abs clears the sign of a −0, then x's sign bit goes in.
    FloatVector q = e.neg().div(e.add(V_TWO)).abs();
    return q.reinterpretAsInts().or(x.reinterpretAsInts().and(I_SIGN)).reinterpretAsFloats();
  }

  /** x where x &gt; 0, else alpha·(e^x − 1); NaN gives NaN, −0 gives alpha·−0. */
  static FloatVector elu(FloatVector x, FloatVector alpha) {
    FloatVector e = expm1NonPositive(x);
    e = e.blend(x, x.compare(VectorOperators.EQ, V_ZERO));
    return e.mul(alpha).blend(x, x.compare(VectorOperators.GT, V_ZERO));
  }

  /**
   * ln(1+x), accurate near 0, ±0 kept; NaN gives NaN. Lanes where {@link #log1pOutOfRange} holds
   * get garbage: the caller takes the scalar path for them.
   */
  static FloatVector log1p(FloatVector x) {
    FloatVector u = x.add(V_ONE);
    // u = 1+x rounded; c = (1+x) − u, divided by u: the first-order correction of log(u). The
    // subtraction is exact.
    FloatVector c = x.sub(u.sub(V_ONE)).div(u);
    IntVector iu = u.reinterpretAsInts().add(I_LOG_OFFSET);
    // k = the exponent of u·√2; k as a float: |k| < 2^22, so the shifter trick converts exactly.
    FloatVector dk =
        iu.lanewise(VectorOperators.ASHR, 23)
            .add(I_K_TO_FLOAT)
            .reinterpretAsFloats()
            .sub(V_SHIFT);
    FloatVector f = iu.and(I_MANTISSA).add(I_SQRT_HALF).reinterpretAsFloats().sub(V_ONE);
    FloatVector s = f.div(f.add(V_TWO));
    FloatVector z = s.mul(s);
    FloatVector poly = z.fma(V_LG4, V_LG3);
    poly = poly.fma(z, V_LG2);
    poly = poly.fma(z, V_LG1);
    FloatVector hfsq = f.mul(f).mul(V_HALF);
    FloatVector inner = s.fma(poly.fma(z, hfsq), dk.fma(V_LN2_LO_LOG, c));
    FloatVector y = dk.fma(V_LN2_HI_LOG, f.sub(hfsq.sub(inner)));
    return y.blend(x, x.compare(VectorOperators.EQ, V_ZERO));
  }

  /** @return whether some lane needs the scalar path of log1p (x ≤ −1, +∞) */
  static boolean log1pOutOfRange(FloatVector x) {
    return x.compare(VectorOperators.LE, V_NEG_ONE)
        .or(x.compare(VectorOperators.EQ, V_INFINITY))
        .anyTrue();
  }

  /** @return whether some lane needs the scalar path of sin and cos (|x| &gt; limit, ±∞) */
  static boolean trigOutOfRange(FloatVector x) {
    return x.abs().compare(VectorOperators.GT, V_TRIG_LIMIT).anyTrue();
  }

  /**
   * sin x (offset 0) or cos x (offset 1) for |x| ≤ {@link #TRIG_LIMIT}: reduce |x| by π/2 to r
   * in [−π/4, π/4] with quadrant q, then take ±sin r or ±cos r by q + offset.
   */
  static FloatVector sinCos(FloatVector x, int offset) {
    FloatVector ax = x.abs();
    FloatVector t = ax.fma(V_TWO_OVER_PI, V_SHIFT);
    FloatVector q = t.sub(V_SHIFT);
    FloatVector r = q.fma(V_NEG_PIO2_1, ax);
    r = q.fma(V_NEG_PIO2_2, r);
    r = q.fma(V_NEG_PIO2_3, r);
    IntVector qi = t.reinterpretAsInts().sub(offset == 0 ? I_SHIFT_BITS : I_SHIFT_BITS.sub(I_ONE));
    FloatVector z = r.mul(r);
    FloatVector sp = z.fma(V_S2, V_S1);
    sp = sp.fma(z, V_S0);
    sp = r.mul(z).fma(sp, r);
    FloatVector cp = z.fma(V_C2, V_C1);
    cp = cp.fma(z, V_C0);
    cp = z.mul(z).fma(cp, z.fma(V_NEG_HALF, V_ONE));
    IntVector bits =
        sp.reinterpretAsInts()
            .blend(cp.reinterpretAsInts(), qi.and(I_ONE).compare(VectorOperators.NE, I_ZERO));
    // Quadrants 2 and 3 negate; sin is odd, so it also takes the sign of x.
    IntVector sign = qi.and(I_TWO).lanewise(VectorOperators.LSHL, 30);
    IntVector xSign = x.reinterpretAsInts().and(offset == 0 ? I_SIGN : I_ZERO);
    return bits.lanewise(VectorOperators.XOR, sign.lanewise(VectorOperators.XOR, xSign))
        .reinterpretAsFloats();
  }
}
