//! Invariants of a prose view, shared by the reader targets.
use transcheck::input::Document;

pub fn check(d: &Document) {
    let m = d.markup.as_ref().expect("a reader always gives a prose view");
    let o = &m.original.text;
    for (i, _) in d.text.char_indices() {
        let at = m.to_original(i);
        assert!(at <= o.len() && o.is_char_boundary(at));
        let _ = d.line_col(i);
    }
    let profile = transcheck::profile::Profile::builtin("pt");
    for s in transcheck::segment::segment(d, &profile) {
        if let Some(v) = m.verbatim_range(s.start..s.end) {
            assert_eq!(&o[v], &d.text[s.start..s.end]);
        }
        let r = m.range_to_original(s.start..s.end);
        assert!(r.end <= o.len() && o.is_char_boundary(r.start) && o.is_char_boundary(r.end));
    }
    for p in &m.pieces {
        assert!(p.original.end <= o.len() && o.is_char_boundary(p.original.start));
        assert!(p.at.end <= d.text.len());
    }
}
