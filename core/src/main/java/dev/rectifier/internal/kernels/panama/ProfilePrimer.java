package dev.rectifier.internal.kernels.panama;

import static dev.rectifier.internal.kernels.panama.VectorMath.F;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

/**
 * Runs the Vector API's operator kinds (unary, binary, associative, ternary, comparison) through
 * its shared code when the vector kernels are chosen, so that the profile C2 compiles the kernels
 * against has seen them all.
 *
 * <p>Why (JDK 17, measured with {@code -XX:+LogCompilation}): every lanewise operation calls
 * {@code VectorOperators.opKind}, which casts its operator to the API's internal operator class.
 * Where C2 compiles that cast with the operator not a constant (the API's generic {@code lanewise},
 * compiled on its own while interpreted code calls it) and the cast's profile names one class, it
 * guards the cast with a class check; an operator of another class then traps there, and opKind's
 * profile keeps a count of 4 class-check traps. C2 adds a method's trap counts to a
 * compilation's total each time it inlines the method, and past {@code PerMethodTrapLimit} (100)
 * stops trusting class checks: gelu inlines opKind 48 times (a total of 192). From there on in
 * the kernel C2 no longer knows the vectors' exact classes, the final store's intrinsic fails, and
 * every call allocates: 6 to 21 KB a call at 1,024 floats in gelu (both forms), mish's backward
 * and trainable silu's backward, in a JVM where PReLU's backward had run first. With the
 * operators of every kind in the profile before any kernel runs, the cast is never guarded by a
 * single class (and with {@code -XX:PerMethodTrapLimit=1000} the same JVM allocated nothing
 * either). JDK 25 does not show the problem; the priming runs on every JDK and costs 50 to 130 ms
 * once.
 */
final class ProfilePrimer {

  /**
   * Rounds of the priming loop. Profiles are kept from the first few hundred calls of a method
   * on: with 2,000 rounds every activation allocated nothing in every order tried (eleven orders,
   * six of them starting with PReLU, with and without a competing busy thread), and with 5,000 in
   * five of them; 500 rounds left gelu allocating, and 200 made more kernels allocate than none.
   */
  static final int ROUNDS = 2000;

  private ProfilePrimer() {}

  /**
   * Runs the loop.
   *
   * @return a value computed from every operation, so that none of them is dead code
   */
  static float prime() {
    VectorOperators.Unary[] unary = {VectorOperators.NEG, VectorOperators.ABS};
    // ADD, MUL, MIN and MAX are associative operators, SUB and DIV plain binary ones.
    VectorOperators.Binary[] binary = {
      VectorOperators.ADD, VectorOperators.SUB, VectorOperators.MUL,
      VectorOperators.DIV, VectorOperators.MIN, VectorOperators.MAX
    };
    VectorOperators.Comparison[] comparisons = {
      VectorOperators.LT, VectorOperators.GE, VectorOperators.EQ
    };
    FloatVector a = FloatVector.broadcast(F, 1.5f);
    FloatVector b = FloatVector.broadcast(F, 0.5f);
    float sum = 0;
    for (int i = 0; i < ROUNDS; i++) {
      FloatVector c = a.lanewise(binary[i % binary.length], b);
      c = c.lanewise(unary[i % unary.length]);
      c = c.lanewise(VectorOperators.FMA, a, b);
      sum += c.compare(comparisons[i % comparisons.length], b).trueCount();
      sum += c.lane(0);
    }
    return sum;
  }
}
