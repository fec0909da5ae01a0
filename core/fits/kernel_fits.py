"""Polynomial fits behind the GELU and softplus kernels (dev.rectifier.internal.kernels).

GELU: both kernels write Phi(-t) = e^(-t^2/2) * G(t) for t = |x| above 0.75, where G(t) = e^(t^2/2) * Phi(-t)
is smooth and slowly varying, so that Phi(-t) keeps its relative accuracy where it is tiny; below
0.75 they use Phi(x) = 1/2 + x * P(x^2). Each fit interpolates at Chebyshev nodes (close to the
minimax polynomial) with 50 digits (mpmath) and prints the largest relative error on 400 points.

The vector GELU forward writes t * G(t) * sqrt(2 pi) = t*A(t) / (t*A(t) + D(t)) instead (A and
D of degree 4, A(0) = 1): a rational fit by iteratively reweighted linear least squares, then
its float coefficients nudged one at a time, by a few ulps, while that lowers the largest error of
the expression evaluated in float as the kernel does (numpy and scipy needed for this part).

softplus (vector kernel): ln(1 + t) = t * H(t) for t = e^(-|z|) in [0, 1].

    python3 core/fits/kernel_fits.py
"""
import struct

import mpmath as mp

mp.mp.dps = 50


def G(t):
    return mp.erfc(t / mp.sqrt(2)) / 2 * mp.exp(t * t / 2)


def fit(f, a, b, n):
    """Coefficients, lowest first, of the polynomial through f at n Chebyshev nodes of [a, b]."""
    nodes = [(b - a) / 2 * mp.cos(mp.pi * (k + mp.mpf(1) / 2) / n) + (a + b) / 2 for k in range(n)]
    c = mp.lu_solve(mp.matrix([[x ** j for j in range(n)] for x in nodes]),
                    mp.matrix([f(x) for x in nodes]))
    return [c[j] for j in range(n)]


def worst(f, coef, a, b, cast=lambda c: c):
    coef = [cast(c) for c in coef]
    m = 0
    for x in mp.linspace(a, b, 400):
        p = mp.mpf(0)
        for c in reversed(coef):
            p = p * x + c
        m = max(m, abs(p / f(x) - 1))
    return mp.nstr(m, 3)


def f32(c):
    """The float nearest c."""
    return mp.mpf(struct.unpack('f', struct.pack('f', float(c)))[0])

print('scalar (double): G(mid + half*u) in u on [-1, 1]')
for a, b, n in [(0.75, 2, 14), (2, 4, 15), (4, 8, 16), (8, 16, 17)]:
    a, b = mp.mpf(a), mp.mpf(b)
    mid, half = (a + b) / 2, (b - a) / 2
    g = lambda u: G(mid + half * u)
    c = fit(g, -1, 1, n)
    print('  [%s, %s] degree %d, relative error %s' % (a, b, n - 1, worst(g, c, -1, 1)))
    print('  {' + ', '.join(repr(float(x)) for x in c) + '},')

print('vector (float): (Phi(x) - 1/2)/x = P(x^2) for |x| <= 0.75, degree 4 in x^2')
p = lambda z: (mp.ncdf(mp.sqrt(z)) - mp.mpf(1) / 2) / mp.sqrt(z)
c = fit(p, mp.mpf('1e-40'), mp.mpf(0.75) ** 2, 5)
print('  relative error %s, %s with the coefficients rounded to float' % (
    worst(p, c, mp.mpf('1e-40'), mp.mpf(0.75) ** 2), worst(p, c, mp.mpf('1e-40'), mp.mpf(0.75) ** 2, f32)))
print('  ' + ', '.join(repr(float(x)) + 'f' for x in c))

print('vector (float): G(t)*(t + 2) = R(s), s = 1/(t + 2), for 0.75 <= t <= 16, degree 10')
R = lambda s: G(1 / s - 2) / s
lo, hi = 1 / mp.mpf(18), 1 / mp.mpf(2.75)
c = fit(R, lo, hi, 11)
print('  relative error %s, %s with the coefficients rounded to float' % (
    worst(R, c, lo, hi), worst(R, c, lo, hi, f32)))
print('  ' + ', '.join(repr(float(x)) + 'f' for x in c))

print('vector (float): H(t) = ln(1 + t)/t for 0 <= t <= 1, degree 9')
H = lambda t: mp.log1p(t) / t if t != 0 else mp.mpf(1)
c = fit(H, mp.mpf(0), mp.mpf(1), 10)
print('  relative error %s, %s with the coefficients rounded to float' % (
    worst(H, c, mp.mpf('1e-9'), mp.mpf(1)), worst(H, c, mp.mpf('1e-9'), mp.mpf(1), f32)))
print('  ' + ', '.join(repr(float(x)) + 'f' for x in c))


def gelu_rational():
    """A and D for t in [0.75, 16], float coefficients tuned for the float evaluation."""
    import numpy as np
    from scipy.special import erfcx

    f = np.float32
    inv_sqrt_2pi = float(f(1 / np.sqrt(2 * np.pi)))  # the float the kernel multiplies by
    a, b, deg = 0.75, 16.0, 4
    # M = Phi(-t) e^(t^2/2) / inv_sqrt_2pi = A / (t A + D); h = 1/M - t = D / A, weighted so that
    # the residual is M's relative error
    n = 800
    t = (b - a) / 2 * np.cos(np.pi * (np.arange(n) + 0.5) / n) + (a + b) / 2
    m = 0.5 * erfcx(t / np.sqrt(2)) / inv_sqrt_2pi
    h = 1 / m - t
    u = t / b
    a_prev, lw = np.ones(n), np.ones(n)
    for it in range(40):
        w = 1 / (a_prev * (t + h))
        mat = np.zeros((n, 2 * deg + 1))
        for j in range(deg + 1):
            mat[:, j] = u ** j * w
        for j in range(1, deg + 1):
            mat[:, deg + j] = -h * u ** j * w
        sol = np.linalg.lstsq(mat * lw[:, None], h * w * lw, rcond=None)[0]
        d_c = sol[:deg + 1]
        a_c = np.concatenate([[1], sol[deg + 1:]])
        av = sum(a_c[j] * u ** j for j in range(deg + 1))
        dv = sum(d_c[j] * u ** j for j in range(deg + 1))
        err = np.abs(av / (t * av + dv) / m - 1)
        a_prev = av
        if it > 5:
            lw = lw * np.sqrt(err / err.max()) + 1e-3
            lw /= lw.max()
    print('vector (float): t*A/(t*A + D), degree 4 each, on [0.75, 16]: relative error %.1e' % err.max())
    d_f = [f(d_c[j] / b ** j) for j in range(deg + 1)]
    a_f = [f(a_c[j] / b ** j) for j in range(deg + 1)]
    ts = np.unique(np.linspace(a, b, 400001, dtype=np.float32))
    t64 = ts.astype(np.float64)
    g_true = t64 * 0.5 * erfcx(t64 / np.sqrt(2)) / inv_sqrt_2pi

    def horner(cs):  # float FMAs, lowest coefficient first
        acc = np.full(ts.shape, cs[-1], dtype=np.float32)
        for c in reversed(cs[:-1]):
            acc = (acc.astype(np.float64) * t64 + np.float64(c)).astype(np.float32)
        return acc

    def error(d_f, a_f):  # in units of 2^-24: the largest and the root mean square
        ta = (t64 * horner(a_f)).astype(np.float32)
        den = (ta.astype(np.float64) + horner(d_f)).astype(np.float32)
        g = (ta.astype(np.float64) / den).astype(np.float32)
        e = np.abs(g / g_true - 1) / 2.0 ** -24
        return e.max(), np.sqrt((e ** 2).mean())

    best = error(d_f, a_f)
    print('  in float, coefficients rounded: %.2f units of 2^-24 (rms %.2f)' % best)
    for round_ in range(8):
        improved = False
        for cs in (d_f, a_f):
            for j in range(1 if cs is a_f else 0, deg + 1):
                for direction in (np.inf, -np.inf):
                    for steps in (1, 2, 4, 8, 16, 32, 64):
                        old = cs[j]
                        x = old
                        for k in range(steps):
                            x = np.nextafter(x, f(direction))
                        cs[j] = x
                        e = error(d_f, a_f)
                        if e[0] + 0.3 * e[1] < best[0] + 0.3 * best[1]:
                            best, improved = e, True
                            break
                        cs[j] = old
        if not improved:
            break
    print('  in float, coefficients tuned: %.2f units of 2^-24 (rms %.2f)' % best)
    print('  A: ' + ', '.join(repr(float(x)) + 'f' for x in a_f))
    print('  D: ' + ', '.join(repr(float(x)) + 'f' for x in d_f))


gelu_rational()
