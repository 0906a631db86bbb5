//! Banded dynamic programming over the alignment lattice: Viterbi for the best
//! path, forward–backward for link posteriors. Cell `(i, j)` means "the first
//! `i` source and `j` target sentences are aligned"; only cells inside a
//! [`Band`] exist, so time and memory grow with `n × band width`.

/// For each source row `i` in `0..=n`, the target cells `lo[i]..=hi[i]`.
#[derive(Debug, Clone)]
pub(crate) struct Band {
    pub lo: Vec<usize>,
    pub hi: Vec<usize>,
    offset: Vec<usize>,
}

impl Band {
    /// A band of half-width `w` around a monotone path of cells, which must
    /// start at `(0, 0)` and end at `(n, m)`. Every row is made reachable.
    pub fn around(points: &[(usize, usize)], n: usize, m: usize, w: usize) -> Band {
        let mut rlo = vec![usize::MAX; n + 1];
        let mut rhi = vec![0usize; n + 1];
        let mut mark = |r: usize, a: usize, b: usize| {
            if r <= n {
                rlo[r] = rlo[r].min(a.min(m));
                rhi[r] = rhi[r].max(b.min(m));
            }
        };
        mark(0, 0, 0);
        mark(n, m, m);
        for p in points.windows(2) {
            let ((i1, j1), (i2, j2)) = (p[0], p[1]);
            if i2 <= i1 {
                mark(i1, j1.min(j2), j1.max(j2));
                continue;
            }
            let di = (i2 - i1) as f64;
            let dj = j2 as f64 - j1 as f64;
            for r in i1..=i2 {
                let x = j1 as f64 + dj * (r - i1) as f64 / di;
                let y = j1 as f64 + dj * ((r + 1).min(i2) - i1) as f64 / di;
                mark(r, x.floor().max(0.0) as usize, y.ceil().max(0.0) as usize);
            }
        }
        // Rows no point touched take the previous row's range.
        for r in 1..=n {
            if rlo[r] == usize::MAX {
                rlo[r] = rlo[r - 1];
                rhi[r] = rhi[r].max(rhi[r - 1]);
            }
        }
        let mut lo: Vec<usize> = rlo.iter().map(|&x| x.saturating_sub(w)).collect();
        let mut hi: Vec<usize> = rhi.iter().map(|&x| (x + w).min(m)).collect();
        lo[0] = 0;
        hi[n] = m;
        for r in 1..=n {
            hi[r] = hi[r].max(hi[r - 1]);
        }
        for r in 0..n {
            lo[r + 1] = lo[r + 1].max(lo[r]).min(hi[r]);
        }
        for r in 0..=n {
            lo[r] = lo[r].min(hi[r]);
        }
        let mut offset = Vec::with_capacity(n + 2);
        let mut total = 0;
        for r in 0..=n {
            offset.push(total);
            total += hi[r] - lo[r] + 1;
        }
        offset.push(total);
        Band { lo, hi, offset }
    }

    pub fn cells(&self) -> usize {
        self.offset.last().copied().unwrap_or(0)
    }

    /// Flat index of cell `(i, j)`, if it is in the band.
    #[inline]
    pub fn index(&self, i: usize, j: usize) -> Option<usize> {
        let lo = *self.lo.get(i)?;
        if j < lo || j > self.hi[i] {
            return None;
        }
        Some(self.offset[i] + j - lo)
    }

    /// Whether the path passes within `margin` of a band edge that is not the
    /// edge of the whole lattice (so a wider band might find a better path).
    pub fn touches_edge(&self, path: &[(usize, usize)], m: usize, margin: usize) -> bool {
        path.iter().any(|&(i, j)| {
            let (lo, hi) = (self.lo[i], self.hi[i]);
            (lo > 0 && j < lo + margin) || (hi < m && j + margin > hi)
        })
    }
}

/// A link type: `a` source and `b` target sentences.
pub(crate) type Kind = (usize, usize);

/// The best path and, per link on it, its posterior probability.
#[derive(Debug)]
pub(crate) struct Solution {
    /// Cells on the best path, `(0, 0)` first.
    pub path: Vec<(usize, usize)>,
    /// Posterior of each link (between consecutive cells of `path`).
    pub posterior: Vec<f64>,
    /// Expected number of links of each kind (same order as the kinds given).
    pub expected: Vec<f64>,
}

/// Runs Viterbi and forward–backward in the band. `cost(i, a, j, b)` is the
/// cost of a link taking source `i..i+a` and target `j..j+b`. Costs are
/// negative log-probabilities scaled by `temperature` for the posteriors.
pub(crate) fn solve(
    band: &Band,
    n: usize,
    m: usize,
    kinds: &[Kind],
    temperature: f64,
    cost: &dyn Fn(usize, usize, usize, usize) -> f64,
) -> Solution {
    let cells = band.cells();
    let mut best = vec![f64::INFINITY; cells];
    let mut back = vec![u8::MAX; cells];
    let mut fwd = vec![f64::INFINITY; cells];
    let t = temperature.max(1e-6);
    let mut costs = vec![f64::INFINITY; kinds.len()];
    if let Some(c) = band.index(0, 0) {
        best[c] = 0.0;
        fwd[c] = 0.0;
    }
    for i in 0..=n {
        for j in band.lo[i]..=band.hi[i] {
            if i == 0 && j == 0 {
                continue;
            }
            let Some(here) = band.index(i, j) else {
                continue;
            };
            let (mut bv, mut bk) = (f64::INFINITY, u8::MAX);
            let mut fmin = f64::INFINITY;
            for (k, &(a, b)) in kinds.iter().enumerate() {
                costs[k] = f64::INFINITY;
                if a > i || b > j {
                    continue;
                }
                let Some(prev) = band.index(i - a, j - b) else {
                    continue;
                };
                if !fwd[prev].is_finite() {
                    continue;
                }
                let c = cost(i - a, a, j - b, b);
                costs[k] = c;
                let v = best[prev] + c;
                if v < bv {
                    bv = v;
                    bk = k as u8;
                }
                fmin = fmin.min(fwd[prev] + c);
            }
            best[here] = bv;
            back[here] = bk;
            if fmin.is_finite() {
                let mut s = 0.0;
                for (k, &(a, b)) in kinds.iter().enumerate() {
                    if costs[k].is_finite()
                        && let Some(prev) = band.index(i - a, j - b)
                    {
                        s += (-(fwd[prev] + costs[k] - fmin) / t).exp();
                    }
                }
                fwd[here] = fmin - t * s.ln();
            }
        }
    }
    // Backtrace.
    let mut path = vec![(n, m)];
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let k = band.index(i, j).map(|c| back[c]).unwrap_or(u8::MAX);
        let Some(&(a, b)) = kinds.get(k as usize) else {
            break; // unreachable for a valid band; leave the rest to the caller
        };
        i -= a;
        j -= b;
        path.push((i, j));
    }
    path.reverse();
    drop(best);
    drop(back);

    // Backward pass, with expected kind counts.
    let mut bwd = vec![f64::INFINITY; cells];
    let z = band.index(n, m).map(|c| fwd[c]).unwrap_or(f64::INFINITY);
    if let Some(c) = band.index(n, m) {
        bwd[c] = 0.0;
    }
    let mut expected = vec![0.0; kinds.len()];
    for i in (0..=n).rev() {
        for j in (band.lo[i]..=band.hi[i]).rev() {
            if i == n && j == m {
                continue;
            }
            let Some(here) = band.index(i, j) else {
                continue;
            };
            let mut bmin = f64::INFINITY;
            for (k, &(a, b)) in kinds.iter().enumerate() {
                costs[k] = f64::INFINITY;
                if i + a > n || j + b > m {
                    continue;
                }
                let Some(next) = band.index(i + a, j + b) else {
                    continue;
                };
                if !bwd[next].is_finite() {
                    continue;
                }
                let c = cost(i, a, j, b);
                costs[k] = c;
                bmin = bmin.min(c + bwd[next]);
            }
            if bmin.is_finite() {
                let mut s = 0.0;
                for (k, &(a, b)) in kinds.iter().enumerate() {
                    if costs[k].is_finite()
                        && let Some(next) = band.index(i + a, j + b)
                    {
                        s += (-(costs[k] + bwd[next] - bmin) / t).exp();
                        if fwd[here].is_finite() && z.is_finite() {
                            let p = (-(fwd[here] + costs[k] + bwd[next] - z) / t).exp();
                            expected[k] += p;
                        }
                    }
                }
                bwd[here] = bmin - t * s.ln();
            }
        }
    }
    let posterior = path
        .windows(2)
        .map(|w| {
            let ((i0, j0), (i1, j1)) = (w[0], w[1]);
            match (band.index(i0, j0), band.index(i1, j1)) {
                (Some(p), Some(q)) if z.is_finite() => {
                    let c = cost(i0, i1 - i0, j0, j1 - j0);
                    (-(fwd[p] + c + bwd[q] - z) / t).exp().clamp(0.0, 1.0)
                }
                _ => 0.0,
            }
        })
        .collect();
    Solution {
        path,
        posterior,
        expected,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn band_rows_are_connected_and_cover_corners() {
        let b = Band::around(&[(0, 0), (3, 10), (10, 12)], 10, 12, 1);
        assert_eq!(b.lo[0], 0);
        assert_eq!(b.hi[10], 12);
        for r in 0..10 {
            assert!(b.lo[r + 1] <= b.hi[r], "row {r}: {:?} {:?}", b.lo, b.hi);
            assert!(b.hi[r + 1] >= b.hi[r]);
        }
        // The vertical jump between rows 0 and 3 stays inside the band.
        assert!(b.index(3, 10).is_some());
    }

    #[test]
    fn solve_finds_diagonal_and_posteriors_sum_sensibly() {
        let (n, m) = (5, 5);
        let b = Band::around(&[(0, 0), (n, m)], n, m, 2);
        let kinds = [(1, 1), (1, 0), (0, 1), (2, 1), (1, 2)];
        let cost = |i: usize, a: usize, j: usize, b: usize| -> f64 {
            if a == 1 && b == 1 && i == j { 0.0 } else { 5.0 }
        };
        let s = solve(&b, n, m, &kinds, 1.0, &cost);
        assert_eq!(s.path, (0..=5).map(|k| (k, k)).collect::<Vec<_>>());
        assert!(s.posterior.iter().all(|&p| p > 0.9 && p <= 1.0));
        let links: f64 = s.expected.iter().sum();
        assert!((links - 5.0).abs() < 0.5, "{links}");
    }

    #[test]
    fn solve_handles_one_empty_side() {
        let b = Band::around(&[(0, 0), (3, 0)], 3, 0, 2);
        let s = solve(&b, 3, 0, &[(1, 1), (1, 0), (0, 1)], 1.0, &|_, _, _, _| 1.0);
        assert_eq!(s.path, vec![(0, 0), (1, 0), (2, 0), (3, 0)]);
    }
}
