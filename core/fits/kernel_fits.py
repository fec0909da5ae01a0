"""Polynomial fits behind the GELU and softplus kernels (dev.rectifier.internal.kernels).

GELU: both kernels write Phi(-t) = e^(-t^2/2) * G(t) for t = |x| above 0.75, where G(t) = e^(t^2/2) * Phi(-t)
is smooth and slowly varying, so that Phi(-t) keeps its relative accuracy where it is tiny; below
0.75 they use Phi(x) = 1/2 + x * P(x^2). Each fit interpolates at Chebyshev nodes (close to the
minimax polynomial) with 50 digits (mpmath) and prints the largest relative error on 400 points.

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
