//! Banded dynamic programming over the alignment lattice: Viterbi for the best
//! path, forward–backward for link posteriors. Cell `(i, j)` means "the first
//! `i` source and `j` target sentences are aligned"; only cells inside a
//! [`Band`] exist, so time and memory grow with `n × band width`.

use std::sync::Mutex;

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
        Band::around_widths(points, n, m, &vec![w; n + 1])
    }

    /// [`Band::around`] with half-width `w[r]` at row `r` (`w` has `n + 1` rows).
    pub fn around_widths(points: &[(usize, usize)], n: usize, m: usize, w: &[usize]) -> Band {
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
        let wr = |r: usize| w.get(r).copied().unwrap_or(0);
        let mut lo: Vec<usize> = (0..=n).map(|r| rlo[r].saturating_sub(wr(r))).collect();
        let mut hi: Vec<usize> = (0..=n).map(|r| (rhi[r] + wr(r)).min(m)).collect();
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

    /// Rows where the path passes within `margin` of a band edge that is not
    /// the edge of the whole lattice (so a wider band might find a better path).
    pub fn edge_rows(&self, path: &[(usize, usize)], m: usize, margin: usize) -> Vec<usize> {
        path.iter()
            .filter(|&&(i, j)| {
                let (lo, hi) = (self.lo[i], self.hi[i]);
                (lo > 0 && j < lo + margin) || (hi < m && j + margin > hi)
            })
            .map(|&(i, _)| i)
            .collect()
    }
}

/// A guide path for repetitive text, where no word is rare enough to anchor:
/// Viterbi over anti-diagonals (cells with equal `i + j` have covered as
/// many sentences, so their costs compare), keeping on each only the cells
/// within `w` rows of the previous anti-diagonal's best cell. Time and
/// memory are O((n + m) · w) however far the path strays from the diagonal.
/// Null links take their plain cost (no gap bonus): the band around this
/// path is solved exactly afterwards. Falls back to the diagonal when the
/// end is unreachable.
pub(crate) fn beam_path<F>(
    n: usize,
    m: usize,
    kinds: &[Kind],
    w: usize,
    cost: F,
) -> Vec<(usize, usize)>
where
    F: FnMut(usize, usize, usize, usize) -> f64,
{
    beam_forward(n, m, kinds, w, cost, |_, _, _| ()).backtrace(n, m, kinds)
}

/// Anti-diagonals between two looks back from the beam's best cell in
/// [`beam_path_streamed`], and how many anti-diagonals behind that cell a
/// point must lie to be handed on: the paths back from a beam's cells
/// meet within a few dozen anti-diagonals on real and repetitive text.
const STREAM_EVERY: usize = 1024;
const STREAM_LAG: usize = 4096;

/// [`beam_path`], handing `emit` the path's points (after `(0, 0)`, in
/// order) while the search goes on: every [`STREAM_EVERY`] anti-diagonals,
/// those at least [`STREAM_LAG`] behind on the path back from the best
/// cell so far. They are a guess: the caller compares them with the
/// returned path, which is [`beam_path`]'s.
pub(crate) fn beam_path_streamed<F, E>(
    n: usize,
    m: usize,
    kinds: &[Kind],
    w: usize,
    cost: F,
    mut emit: E,
) -> Vec<(usize, usize)>
where
    F: FnMut(usize, usize, usize, usize) -> f64,
    E: FnMut(&[(usize, usize)]),
{
    // The last point handed on, as (anti-diagonal, row); `None` once a
    // look back missed it (then nothing more is handed on).
    let mut last = Some((0usize, 0usize));
    let watch = |beam: &Beam, d: usize, best: usize| {
        let Some((ld, li)) = last else {
            return;
        };
        if !d.is_multiple_of(STREAM_EVERY) || d < ld + STREAM_LAG + STREAM_EVERY {
            return;
        }
        let Some(back) = beam.trace(kinds, (d, best), ld) else {
            return; // the best cell is unreachable: look again later
        };
        if back.first() != Some(&(li, ld - li)) {
            last = None;
            return;
        }
        let fixed = back.partition_point(|&(i, j)| i + j + STREAM_LAG <= d);
        if fixed > 1 {
            emit(&back[1..fixed]);
            let (i, j) = back[fixed - 1];
            last = Some((i + j, i));
        }
    };
    beam_forward(n, m, kinds, w, cost, watch).backtrace(n, m, kinds)
}

/// What [`beam_path`]'s backtrace reads: per anti-diagonal, the first row
/// in the beam, the beam's length and where its cells start in `back`,
/// and the kind that entered each beam cell (row-major by anti-diagonal).
struct Beam {
    lo: Vec<u32>,
    len: Vec<u8>,
    start: Vec<usize>,
    back: Vec<u8>,
}

/// Viterbi over the anti-diagonals of the `n × m` lattice, each kept to a
/// beam of `w` rows on either side of the previous one's best cell;
/// `watch(beam, d, row)` is called after each anti-diagonal `d` with the
/// row of its best cell.
fn beam_forward<F, W>(
    n: usize,
    m: usize,
    kinds: &[Kind],
    w: usize,
    mut cost: F,
    mut watch: W,
) -> Beam
where
    F: FnMut(usize, usize, usize, usize) -> f64,
    W: FnMut(&Beam, usize, usize),
{
    let w = w.min(127); // beam lengths fit a byte
    let diags = n + m + 1;
    let width = 2 * w + 1;
    let ring = kinds.iter().map(|&(a, b)| a + b).max().unwrap_or(1) + 1;
    let mut beam = Beam {
        lo: Vec::with_capacity(diags),
        len: Vec::with_capacity(diags),
        start: Vec::with_capacity(diags),
        back: Vec::with_capacity(diags * width),
    };
    let mut costs = vec![f64::INFINITY; ring * width];
    let mut center = 0usize;
    for d in 0..diags {
        let (vmin, vmax) = (d.saturating_sub(m), d.min(n));
        let c = center.clamp(vmin, vmax);
        let (l, h) = (c.saturating_sub(w).max(vmin), (c + w).min(vmax));
        beam.lo.push(l as u32);
        beam.len.push((h - l + 1) as u8);
        beam.start.push(beam.back.len());
        let slot = (d % ring) * width;
        let (mut best, mut best_i) = (f64::INFINITY, c);
        for i in l..=h {
            let j = d - i;
            let (mut v, mut bk) = (if d == 0 { 0.0 } else { f64::INFINITY }, u8::MAX);
            for (k, &(a, b)) in kinds.iter().enumerate() {
                if a > i || b > j {
                    continue;
                }
                let (pd, pi) = (d - a - b, i - a);
                let pl = beam.lo[pd] as usize;
                if pi < pl || pi >= pl + beam.len[pd] as usize {
                    continue;
                }
                let pc = costs[(pd % ring) * width + pi - pl];
                if !pc.is_finite() {
                    continue;
                }
                let x = pc + cost(pi, a, j - b, b);
                if x < v {
                    v = x;
                    bk = k as u8;
                }
            }
            costs[slot + i - l] = v;
            beam.back.push(bk);
            if v < best {
                best = v;
                best_i = i;
            }
        }
        center = best_i;
        watch(&beam, d, best_i);
    }
    beam
}

impl Beam {
    /// The path back from cell `(d, i)` (anti-diagonal, row) to the first
    /// anti-diagonal at or before `stop`, as `(i, j)` points in order;
    /// `None` when it breaks off (an unreachable cell).
    fn trace(
        &self,
        kinds: &[Kind],
        (mut d, mut i): (usize, usize),
        stop: usize,
    ) -> Option<Vec<(usize, usize)>> {
        let mut out = vec![(i, d - i)];
        while d > stop {
            let x = i.checked_sub(*self.lo.get(d)? as usize)?;
            if x >= *self.len.get(d)? as usize {
                return None;
            }
            let k = *self.back.get(self.start.get(d)? + x)?;
            let &(a, b) = kinds.get(k as usize)?;
            i = i.checked_sub(a)?;
            d = d.checked_sub(a + b)?;
            out.push((i, d.checked_sub(i)?));
        }
        out.reverse();
        Some(out)
    }

    /// The path back from `(n, m)`, the one cell of the last anti-diagonal;
    /// the diagonal when the end is unreachable.
    fn backtrace(&self, n: usize, m: usize, kinds: &[Kind]) -> Vec<(usize, usize)> {
        let diags = n + m + 1;
        // Where each anti-diagonal's cells start in `back`.
        let mut starts = vec![0; diags];
        let mut off = self.back.len();
        for d in (0..diags).rev() {
            off -= self.len[d] as usize;
            starts[d] = off;
        }
        let mut path = vec![(n, m)];
        let (mut d, mut i) = (n + m, n);
        while d > 0 {
            let k = self.back[starts[d] + i - self.lo[d] as usize];
            let Some(&(a, b)) = kinds.get(k as usize) else {
                return vec![(0, 0), (n, m)];
            };
            i -= a;
            d -= a + b;
            path.push((i, d - i));
        }
        path.reverse();
        path
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
}

/// Which kind of link last entered a cell: a null link continuing a run of
/// null links is cheaper (affine gaps: omitted or added blocks, such as
/// caption runs, come in one piece, and a sentence replaced by an unrelated
/// one is an omission next to an addition).
#[inline]
fn state_of(kind: Kind) -> usize {
    match kind {
        (_, 0) => 1,
        (0, _) => 2,
        _ => 0,
    }
}

/// Most link kinds the DP takes (the softmin buffers are this long).
const MAX_KINDS: usize = 16;

/// Soft minima at temperature `t` of a cell's link terms, without and with
/// the gap bonus: `plain` = −t·ln Σ exp(−x/t) over `matched` and `null`,
/// `gap` the same with every null term lowered by the bonus (`boost` =
/// exp(bonus/t)). One exp per term serves both. Terms more than 40t above
/// the minimum change nothing a posterior can show and are skipped.
#[inline]
fn soft_pair(matched: &[f64], null: &[f64], t: f64, boost: f64) -> Agg {
    let lo = |xs: &[f64]| xs.iter().copied().fold(f64::INFINITY, f64::min);
    let m = lo(matched).min(lo(null));
    if !m.is_finite() {
        return Agg::NONE;
    }
    let cut = m + 40.0 * t;
    let sum = |xs: &[f64]| -> f64 {
        xs.iter()
            .filter(|&&x| x < cut)
            // exp(0) = 1 exactly: the minimum's own term needs no call.
            .map(|&x| if x == m { 1.0 } else { (-(x - m) / t).exp() })
            .sum()
    };
    let (sm, sn) = (sum(matched), sum(null));
    Agg {
        plain: m - t * (sm + sn).ln(),
        gap: m - t * (sm + boost * sn).ln(),
    }
}

/// Per cell, what a link leaving it needs to know about the three states it
/// may be in (matched, after a 1-0, after a 0-1): the aggregate for a link
/// into the matched state (`plain`, no bonus) and for a null link (`gap`, the
/// bonus taken off the null states). Folding the three states into two
/// values once per cell, instead of once per incoming link, is what keeps
/// the inner loop short; the sums are the same.
#[derive(Debug, Clone, Copy)]
struct Agg {
    plain: f64,
    gap: f64,
}

impl Agg {
    const NONE: Agg = Agg {
        plain: f64::INFINITY,
        gap: f64::INFINITY,
    };
    #[inline]
    fn get(&self, kind: Kind) -> f64 {
        if state_of(kind) == 0 {
            self.plain
        } else {
            self.gap
        }
    }
}

/// Buffers reused from one band's solve to the next: a long document is
/// solved in chunks, each twice, and fresh allocations of this size cost
/// the kernel a page zeroing each time. Owned by one alignment and dropped
/// with it; shared by the threads solving chunks.
#[derive(Default)]
pub(crate) struct Scratch {
    costs: Mutex<Vec<Vec<f32>>>,
    aggs: Mutex<Vec<Vec<Agg>>>,
    backs: Mutex<Vec<Vec<Back>>>,
    f64s: Mutex<Vec<Vec<f64>>>,
    /// Buffers of zeros, given back as zeros: taking one costs nothing.
    zeros: Mutex<Vec<Vec<f64>>>,
}

impl Scratch {
    /// `len` zeros.
    pub fn take_f64(&self, len: usize) -> Vec<f64> {
        take(&self.f64s, len, 0.0)
    }

    pub fn give_f64(&self, v: Vec<f64>) {
        give(&self.f64s, v);
    }

    /// At least `len` zeros; give them back with [`Scratch::give_zeros`].
    pub fn take_zeros(&self, len: usize) -> Vec<f64> {
        let mut v = pop(&self.zeros, len);
        if v.len() < len {
            v.reserve_exact(len - v.len());
            v.resize(len, 0.0);
        }
        v
    }

    /// Takes back a buffer from [`Scratch::take_zeros`], every entry zero again.
    pub fn give_zeros(&self, v: Vec<f64>) {
        give(&self.zeros, v);
    }
}

/// A buffer of `len` copies of `fill`, from `pool` when it has one.
fn take<T: Clone>(pool: &Mutex<Vec<Vec<T>>>, len: usize, fill: T) -> Vec<T> {
    let mut v = pop(pool, len);
    v.clear();
    if v.capacity() < len {
        // Exactly this size: growing by doubling would hold twice the memory.
        v = Vec::with_capacity(len);
    }
    v.resize(len, fill);
    v
}

/// The pool's smallest buffer that holds `len` items, else its largest.
fn pop<T>(pool: &Mutex<Vec<Vec<T>>>, len: usize) -> Vec<T> {
    let Ok(mut p) = pool.lock() else {
        return Vec::new();
    };
    let fits = (0..p.len())
        .filter(|&k| p[k].capacity() >= len)
        .min_by_key(|&k| p[k].capacity());
    let pick = fits.or_else(|| (0..p.len()).max_by_key(|&k| p[k].capacity()));
    pick.map(|k| p.swap_remove(k)).unwrap_or_default()
}

/// Hands a buffer back to `pool`.
fn give<T>(pool: &Mutex<Vec<Vec<T>>>, v: Vec<T>) {
    if let Ok(mut p) = pool.lock() {
        p.push(v);
    }
}

/// [`solve_by_rows`] with each link priced on its own by `cost`.
#[cfg(test)]
#[allow(clippy::too_many_arguments)]
pub(crate) fn solve<F>(
    band: &Band,
    n: usize,
    m: usize,
    kinds: &[Kind],
    temperature: f64,
    gap_bonus: f64,
    mbr: Option<f64>,
    cost: &F,
    scratch: &Scratch,
) -> Solution
where
    F: Fn(usize, usize, usize, usize) -> f64 + Sync,
{
    let rows = |i: usize, tabled: &[Kind], out: &mut [f32]| {
        fill_row_by_link(band, i, tabled, cost, out);
    };
    let setup = Setup {
        band,
        n,
        m,
        kinds,
        temperature,
        gap_bonus,
        mbr,
    };
    solve_by_rows(&setup, cost, &rows, scratch)
}

/// The lattice [`solve_by_rows`] searches and how.
pub(crate) struct Setup<'a> {
    pub band: &'a Band,
    pub n: usize,
    pub m: usize,
    pub kinds: &'a [Kind],
    pub temperature: f64,
    pub gap_bonus: f64,
    pub mbr: Option<f64>,
}

/// Runs Viterbi and forward–backward in the band. `cost(i, a, j, b)` is the
/// cost of a link taking source `i..i+a` and target `j..j+b`; a null link
/// right after another null link costs `gap_bonus` less.
/// Costs are negative log-probabilities, divided by `temperature` for the
/// posteriors.
///
/// The cost table is filled a band row at a time by `rows(i, tabled, out)`:
/// the cost of each link of the `tabled` kinds into each cell of row `i`,
/// as [`fill_row_by_link`] lays them out (a pricer reads what a row's
/// links share once, not once per link); `cost` prices the null links.
pub(crate) fn solve_by_rows<F, R>(s: &Setup, cost: &F, rows: &R, scratch: &Scratch) -> Solution
where
    F: Fn(usize, usize, usize, usize) -> f64 + Sync,
    R: Fn(usize, &[Kind], &mut [f32]) + Sync,
{
    let Setup {
        band,
        n,
        m,
        kinds,
        temperature,
        gap_bonus,
        mbr,
    } = *s;
    assert!(kinds.len() <= MAX_KINDS, "too many link kinds");
    let t = temperature.max(1e-6);
    // Each link's cost is read by both passes: priced once.
    let costs = CostTable::new(band, n, kinds, rows, scratch);
    let lattice = Lattice {
        band,
        n,
        m,
        kinds,
        costs: &costs,
        cost,
        t,
        gap_bonus,
    };
    // The two passes are independent: run them on two threads.
    let ((path, fwd), bwd) = rayon::join(|| lattice.forward(scratch), || lattice.backward(scratch));
    give(&scratch.costs, costs.costs);
    let z = band
        .index(n, m)
        .map(|c| fwd[c].plain)
        .unwrap_or(f64::INFINITY);
    // Posterior of the link from cell (i0, j0) of the given kind.
    let post = |i0: usize, j0: usize, kind: Kind| -> f64 {
        match (band.index(i0, j0), band.index(i0 + kind.0, j0 + kind.1)) {
            (Some(p), Some(q)) if z.is_finite() => {
                let nb = bwd[q].get(kind);
                let f = fwd[p].get(kind);
                if !nb.is_finite() || !f.is_finite() {
                    return 0.0;
                }
                let c = cost(i0, kind.0, j0, kind.1);
                (-(f + c + nb - z) / t).exp().clamp(0.0, 1.0)
            }
            _ => 0.0,
        }
    };
    let path = match mbr {
        Some(lambda) if z.is_finite() => max_expected_gain(band, n, m, kinds, lambda, &post),
        _ => path,
    };
    let posterior = path
        .windows(2)
        .map(|w| post(w[0].0, w[0].1, (w[1].0 - w[0].0, w[1].1 - w[0].1)))
        .collect();
    give(&scratch.aggs, fwd);
    give(&scratch.aggs, bwd);
    Solution { path, posterior }
}

/// Whether a link kind's cost is kept in the [`CostTable`]: null links are
/// priced when read (a constant or a prefix-sum difference, cheaper than
/// the memory).
#[inline]
fn tabled(kind: Kind) -> bool {
    kind.0 > 0 && kind.1 > 0
}

/// The cost of every non-null link into every band cell: one entry per
/// tabled kind per cell, in the band's cell order; infinite where the link
/// starts outside the band. Stored as `f32` (half the memory; a link's
/// cost is a few dozen nats at most, kept to about 1e-6).
struct CostTable {
    costs: Vec<f32>,
    /// Tabled kinds per cell.
    k: usize,
    /// Column of each kind (`usize::MAX` for null kinds).
    col: [usize; MAX_KINDS],
}

/// Rows below which one thread fills a stretch of the cost table alone.
const TABLE_ROWS: usize = 2048;

impl CostTable {
    fn new<R>(band: &Band, n: usize, kinds: &[Kind], rows: &R, scratch: &Scratch) -> CostTable
    where
        R: Fn(usize, &[Kind], &mut [f32]) + Sync,
    {
        let mut col = [usize::MAX; MAX_KINDS];
        let mut k = 0;
        for (x, &kind) in kinds.iter().enumerate() {
            if tabled(kind) {
                col[x] = k;
                k += 1;
            }
        }
        let on: Vec<Kind> = kinds.iter().copied().filter(|&kind| tabled(kind)).collect();
        let mut costs = take(&scratch.costs, band.cells() * k, f32::INFINITY);
        fill_rows(band, &on, rows, 0..n + 1, &mut costs);
        CostTable { costs, k, col }
    }
}

/// The cost of each link of the `tabled` kinds into each cell of band row
/// `i`, link by link: `out[(j - lo) * tabled.len() + x]` for column `j`
/// and kind number `x`, left as it is where the link would start outside
/// the band.
pub(crate) fn fill_row_by_link<F>(band: &Band, i: usize, tabled: &[Kind], cost: &F, out: &mut [f32])
where
    F: Fn(usize, usize, usize, usize) -> f64,
{
    let k = tabled.len();
    let lo = band.lo[i];
    for j in lo..=band.hi[i] {
        for (x, &(a, b)) in tabled.iter().enumerate() {
            if a > i || b > j || band.index(i - a, j - b).is_none() {
                continue;
            }
            out[(j - lo) * k + x] = cost(i - a, a, j - b, b) as f32;
        }
    }
}

/// Fills the cost table's rows `rows` (`out` holds exactly their cells,
/// one entry per `tabled` kind each) by `fill` a row at a time, halving
/// the work over two threads while it is large.
fn fill_rows<R>(
    band: &Band,
    tabled: &[Kind],
    fill: &R,
    rows: std::ops::Range<usize>,
    out: &mut [f32],
) where
    R: Fn(usize, &[Kind], &mut [f32]) + Sync,
{
    let k = tabled.len();
    if rows.len() > TABLE_ROWS {
        let mid = rows.start + rows.len() / 2;
        let split = (band.offset[mid] - band.offset[rows.start]) * k;
        let (a, b) = out.split_at_mut(split);
        rayon::join(
            || fill_rows(band, tabled, fill, rows.start..mid, a),
            || fill_rows(band, tabled, fill, mid..rows.end, b),
        );
        return;
    }
    let base = band.offset[rows.start];
    for i in rows {
        let (from, to) = (band.offset[i] - base, band.offset[i + 1] - base);
        fill(i, tabled, &mut out[from * k..to * k]);
    }
}

/// One band's lattice with its link costs, for the forward and backward
/// passes.
struct Lattice<'a, F> {
    band: &'a Band,
    n: usize,
    m: usize,
    kinds: &'a [Kind],
    costs: &'a CostTable,
    /// Prices the null links, which the table leaves out.
    cost: &'a F,
    t: f64,
    gap_bonus: f64,
}

/// The path maximising Σ (posterior − `lambda`) over its links: with `lambda`
/// near half the expected F1 this trades expected correct links against
/// the number of links, as strict F1 does.
fn max_expected_gain(
    band: &Band,
    n: usize,
    m: usize,
    kinds: &[Kind],
    lambda: f64,
    post: &dyn Fn(usize, usize, Kind) -> f64,
) -> Vec<(usize, usize)> {
    let cells = band.cells();
    let mut gain = vec![f64::NEG_INFINITY; cells];
    let mut back = vec![u8::MAX; cells];
    if let Some(c) = band.index(0, 0) {
        gain[c] = 0.0;
    }
    for i in 0..=n {
        for j in band.lo[i]..=band.hi[i] {
            let Some(here) = band.index(i, j) else {
                continue;
            };
            for (k, &(a, b)) in kinds.iter().enumerate() {
                if a > i || b > j {
                    continue;
                }
                let Some(prev) = band.index(i - a, j - b) else {
                    continue;
                };
                if !gain[prev].is_finite() {
                    continue;
                }
                let g = gain[prev] + post(i - a, j - b, (a, b)) - lambda;
                if g > gain[here] {
                    gain[here] = g;
                    back[here] = k as u8;
                }
            }
        }
    }
    let mut path = vec![(n, m)];
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let k = band.index(i, j).map(|c| back[c]).unwrap_or(u8::MAX);
        let Some(&(a, b)) = kinds.get(k as usize) else {
            break;
        };
        i -= a;
        j -= b;
        path.push((i, j));
    }
    path.reverse();
    path
}

/// Viterbi state of one cell: the best cost into each state folded as in
/// [`Agg`], with the state each aggregate came from (for the backtrace).
#[derive(Debug, Clone, Copy)]
struct Best {
    plain: f64,
    gap: f64,
    /// State the `plain` and `gap` minima were reached in.
    from_plain: u8,
    from_gap: u8,
}

impl Best {
    const NONE: Best = Best {
        plain: f64::INFINITY,
        gap: f64::INFINITY,
        from_plain: 0,
        from_gap: 0,
    };

    /// The states the minima came from, packed for [`Back`].
    fn from(&self) -> u8 {
        self.from_plain | (self.from_gap << 4)
    }
}

/// What the backtrace reads of one cell: the kind index that entered each
/// of its three states (`u8::MAX`: none), and [`Best::from`]. The Viterbi
/// costs themselves are kept for the last few rows only.
type Back = [u8; 4];

/// Folds the three states' Viterbi costs into a [`Best`] (first minimum wins).
fn fold_best(v: [f64; 3], gap_bonus: f64) -> Best {
    let mut b = Best::NONE;
    for (s, &x) in v.iter().enumerate() {
        if x < b.plain {
            b.plain = x;
            b.from_plain = s as u8;
        }
        let g = if s == 0 { x } else { x - gap_bonus };
        if g < b.gap {
            b.gap = g;
            b.from_gap = s as u8;
        }
    }
    b
}

/// The Viterbi costs of the last rows of a band: a link spans at most
/// `depth - 1` rows, so row `i` may reuse the slot of row `i - depth`.
struct Ring {
    best: Vec<Best>,
    depth: usize,
    width: usize,
}

impl Ring {
    fn new(band: &Band, n: usize, kinds: &[Kind]) -> Ring {
        let depth = kinds.iter().map(|k| k.0).max().unwrap_or(0) + 1;
        let width = (0..=n)
            .map(|i| band.hi[i] + 1 - band.lo[i])
            .max()
            .unwrap_or(1);
        Ring {
            best: vec![Best::NONE; depth * width],
            depth,
            width,
        }
    }
}

/// Where one band row sits: its number, its first and last target cell, its flat
/// offset, and its slot in the [`Ring`] (`usize::MAX` when unused). Read
/// once per row for the rows a link may come from or go to, so the inner
/// loops index without a division or a bounds-checked lookup per link.
#[derive(Debug, Clone, Copy)]
struct RowAt {
    row: usize,
    lo: usize,
    hi: usize,
    offset: usize,
    slot: usize,
}

impl RowAt {
    /// A row no link reaches: every column falls outside it.
    const NONE: RowAt = RowAt {
        row: 0,
        lo: 1,
        hi: 0,
        offset: 0,
        slot: 0,
    };

    fn of(band: &Band, r: usize, slot: usize) -> RowAt {
        RowAt {
            row: r,
            lo: band.lo[r],
            hi: band.hi[r],
            offset: band.offset[r],
            slot,
        }
    }

    /// Flat index and ring slot of column `j`, if the row holds it.
    #[inline]
    fn cell(&self, j: usize) -> Option<(usize, usize)> {
        if j < self.lo || j > self.hi {
            return None;
        }
        let x = j - self.lo;
        Some((self.offset + x, self.slot + x))
    }
}

impl<F> Lattice<'_, F>
where
    F: Fn(usize, usize, usize, usize) -> f64 + Sync,
{
    /// Cost of the link of kind number `k` (`kind`) from `(i, j)` into band
    /// cell `cell`, as the table keeps it (`f32`).
    #[inline]
    fn link_cost(&self, cell: usize, k: usize, kind: Kind, i: usize, j: usize) -> f64 {
        match self.costs.col[k] {
            usize::MAX => f64::from((self.cost)(i, kind.0, j, kind.1) as f32),
            x => f64::from(self.costs.costs[cell * self.costs.k + x]),
        }
    }

    /// Viterbi and forward sums: the best path and the forward soft costs.
    fn forward(&self, scratch: &Scratch) -> (Vec<(usize, usize)>, Vec<Agg>) {
        let band = self.band;
        let cells = band.cells();
        let mut ring = Ring::new(band, self.n, self.kinds);
        let mut back = take(&scratch.backs, cells, [u8::MAX; 4]);
        let mut fwd = take(&scratch.aggs, cells, Agg::NONE);
        if let Some(c) = band.index(0, 0) {
            let b = fold_best([0.0, f64::INFINITY, f64::INFINITY], self.gap_bonus);
            ring.best[0] = b;
            back[c][3] = b.from();
            fwd[c] = Agg {
                plain: 0.0,
                gap: 0.0,
            };
        }
        let boost = (self.gap_bonus / self.t).exp();
        // Row `i - a` for each source span `a` of a link into row `i`.
        let mut rows = vec![RowAt::NONE; ring.depth];
        for i in 0..=self.n {
            for (a, row) in rows.iter_mut().enumerate() {
                *row = match i.checked_sub(a) {
                    Some(r) => RowAt::of(band, r, (r % ring.depth) * ring.width),
                    None => RowAt::NONE,
                };
            }
            for j in band.lo[i]..=band.hi[i] {
                if i == 0 && j == 0 {
                    continue;
                }
                let here = band.offset[i] + j - band.lo[i];
                let (b, f) =
                    self.forward_cell(j, here, &rows, (&ring, &fwd), &mut back[here], boost);
                back[here][3] = b.from();
                ring.best[rows[0].slot + j - band.lo[i]] = b;
                fwd[here] = f;
            }
        }
        let path = self.backtrace(&back);
        give(&scratch.backs, back);
        (path, fwd)
    }

    /// The Viterbi state and forward sums of cell `(i, j)` (flat index
    /// `here`) from its predecessors; records the kinds that entered it.
    fn forward_cell(
        &self,
        j: usize,
        here: usize,
        rows: &[RowAt],
        (ring, fwd): (&Ring, &[Agg]),
        back: &mut Back,
        boost: f64,
    ) -> (Best, Agg) {
        let mut vit = [f64::INFINITY; 3];
        let mut matched = [0.0f64; MAX_KINDS];
        let mut null = [0.0f64; 2];
        let (mut nm, mut nn) = (0, 0);
        for (k, &kind) in self.kinds.iter().enumerate() {
            let (a, b) = kind;
            let Some(jb) = j.checked_sub(b) else {
                continue;
            };
            let Some(row) = rows.get(a) else {
                continue;
            };
            let Some((prev, slot)) = row.cell(jb) else {
                continue;
            };
            let c = self.link_cost(here, k, kind, row.row, jb);
            if !c.is_finite() {
                continue;
            }
            let f = fwd[prev].get(kind);
            if !f.is_finite() {
                continue;
            }
            let to = state_of(kind);
            let pb = &ring.best[slot];
            let v = c + if to == 0 { pb.plain } else { pb.gap };
            if v < vit[to] {
                vit[to] = v;
                back[to] = k as u8;
            }
            if to == 0 {
                matched[nm] = f + c;
                nm += 1;
            } else if nn < null.len() {
                null[nn] = f + c;
                nn += 1;
            }
        }
        let agg = soft_pair(&matched[..nm], &null[..nn], self.t, boost);
        (fold_best(vit, self.gap_bonus), agg)
    }

    /// The best path: back from the best end state through the kinds that
    /// entered each state.
    fn backtrace(&self, back: &[Back]) -> Vec<(usize, usize)> {
        let (band, n, m) = (self.band, self.n, self.m);
        let mut path = vec![(n, m)];
        let (mut i, mut j) = (n, m);
        let mut state = band.index(n, m).map(|c| back[c][3] & 0xf).unwrap_or(0) as usize;
        while i > 0 || j > 0 {
            let k = band.index(i, j).map(|c| back[c][state]).unwrap_or(u8::MAX);
            let Some(&kind) = self.kinds.get(k as usize) else {
                break; // unreachable for a valid band; leave the rest to the caller
            };
            i -= kind.0;
            j -= kind.1;
            state = band
                .index(i, j)
                .map(|c| {
                    if state_of(kind) == 0 {
                        back[c][3] & 0xf
                    } else {
                        back[c][3] >> 4
                    }
                })
                .unwrap_or(0) as usize;
            path.push((i, j));
        }
        path.reverse();
        path
    }

    /// Backward soft costs: from each cell to the end, for a cell entered in
    /// the matched state (`plain`) or in a null state (`gap`: a null link
    /// leaving it gets the bonus).
    fn backward(&self, scratch: &Scratch) -> Vec<Agg> {
        let band = self.band;
        let (n, m) = (self.n, self.m);
        let mut bwd = take(&scratch.aggs, band.cells(), Agg::NONE);
        if let Some(c) = band.index(n, m) {
            bwd[c] = Agg {
                plain: 0.0,
                gap: 0.0,
            };
        }
        let boost = (self.gap_bonus / self.t).exp();
        let mut matched = [0.0f64; MAX_KINDS];
        let mut null = [0.0f64; MAX_KINDS];
        // Row `i + a` for each source span `a` of a link out of row `i`.
        let depth = self.kinds.iter().map(|k| k.0).max().unwrap_or(0) + 1;
        let mut rows = vec![RowAt::NONE; depth];
        for i in (0..=n).rev() {
            for (a, row) in rows.iter_mut().enumerate() {
                *row = if i + a <= n {
                    RowAt::of(band, i + a, 0)
                } else {
                    RowAt::NONE
                };
            }
            for j in (band.lo[i]..=band.hi[i]).rev() {
                if i == n && j == m {
                    continue;
                }
                let here = band.offset[i] + j - band.lo[i];
                let (mut nm, mut nn) = (0, 0);
                for (k, &kind) in self.kinds.iter().enumerate() {
                    let (a, b) = kind;
                    let Some((next, _)) = rows.get(a).and_then(|r| r.cell(j + b)) else {
                        continue;
                    };
                    let nb = bwd[next].get(kind);
                    if !nb.is_finite() {
                        continue;
                    }
                    let c = self.link_cost(next, k, kind, i, j);
                    if !c.is_finite() {
                        continue;
                    }
                    if state_of(kind) == 0 {
                        matched[nm] = c + nb;
                        nm += 1;
                    } else {
                        null[nn] = c + nb;
                        nn += 1;
                    }
                }
                bwd[here] = soft_pair(&matched[..nm], &null[..nn], self.t, boost);
            }
        }
        bwd
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
        let s = solve(&b, n, m, &kinds, 1.0, 0.0, None, &cost, &Scratch::default());
        assert_eq!(s.path, (0..=5).map(|k| (k, k)).collect::<Vec<_>>());
        assert!(s.posterior.iter().all(|&p| p > 0.9 && p <= 1.0));
        let s = solve(
            &b,
            n,
            m,
            &kinds,
            1.0,
            0.0,
            Some(0.45),
            &cost,
            &Scratch::default(),
        );
        assert_eq!(s.path, (0..=5).map(|k| (k, k)).collect::<Vec<_>>());
    }

    #[test]
    fn beam_path_follows_a_path_far_off_the_diagonal() {
        // 300 source sentences, the middle 100 left out: the path runs 100
        // cells off the diagonal, far beyond a beam of 8 rows.
        let (n, m) = (300, 200);
        let true_j = |i: usize| {
            if i < 100 {
                Some(i)
            } else if i < 200 {
                None
            } else {
                Some(i - 100)
            }
        };
        let cost = gap_cost(true_j);
        let kinds = [(1, 1), (1, 0), (0, 1), (1, 2), (2, 1)];
        let path = beam_path(n, m, &kinds, 8, cost);
        assert_eq!(path.first(), Some(&(0, 0)));
        assert_eq!(path.last(), Some(&(n, m)));
        assert!(
            path.contains(&(100, 100)) && path.contains(&(200, 100)),
            "{path:?}"
        );
        assert!(path.contains(&(250, 150)));
    }

    /// Step costs for a document whose source row `i` belongs with target
    /// row `true_j(i)`, or with none.
    fn gap_cost(
        true_j: impl Fn(usize) -> Option<usize> + Copy,
    ) -> impl Fn(usize, usize, usize, usize) -> f64 + Copy {
        move |i, a, j, b| match (a, b) {
            (1, 1) if true_j(i) == Some(j) => -2.0,
            (1, 0) if true_j(i).is_none() => 1.0,
            (1, 0) | (0, 1) => 4.0,
            _ => 6.0,
        }
    }

    #[test]
    fn streamed_beam_path_hands_on_a_prefix_of_the_same_path() {
        // 9,000 rows with a stretch of 500 left out: the path leaves the
        // diagonal, and many points are handed on before the end.
        let (n, m) = (9000, 8500);
        let true_j = |i: usize| match i {
            0..3000 => Some(i),
            3000..3500 => None,
            _ => Some(i - 500),
        };
        let cost = gap_cost(true_j);
        let kinds = [(1, 1), (1, 0), (0, 1), (1, 2), (2, 1)];
        let mut handed = Vec::new();
        let path = beam_path_streamed(n, m, &kinds, 8, cost, |x| handed.extend_from_slice(x));
        assert_eq!(path, beam_path(n, m, &kinds, 8, cost));
        assert!(handed.len() > 5000, "{} points", handed.len());
        assert_eq!(&path[1..=handed.len()], &handed[..]);
    }

    #[test]
    fn solve_handles_one_empty_side() {
        let b = Band::around(&[(0, 0), (3, 0)], 3, 0, 2);
        let s = solve(
            &b,
            3,
            0,
            &[(1, 1), (1, 0), (0, 1)],
            1.0,
            0.5,
            Some(0.4),
            &|_, _, _, _| 1.0,
            &Scratch::default(),
        );
        assert_eq!(s.path, vec![(0, 0), (1, 0), (2, 0), (3, 0)]);
    }
}
