//! Gold alignments: reading vecalign-style link files and strict scoring.
