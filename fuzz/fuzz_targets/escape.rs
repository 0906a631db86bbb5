//! Fuzzes the output escaping: whatever a file name or text holds, the
//! escaped form has no control or bidi character and no line that a CI
//! runner would read as a workflow command.
#![no_main]

use libfuzzer_sys::fuzz_target;
use transcheck::report::escape;

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);
    let t = escape::terminal(&s);
    assert!(!t.chars().any(escape::is_dangerous));
    assert!(!t.contains('\n') && !escape::is_workflow_command(&t));
    for line in escape::terminal_lines(&s).lines() {
        assert!(!escape::is_workflow_command(line));
    }
    let g = escape::github_data(&s);
    assert!(!g.contains('\n') && !g.chars().any(escape::is_dangerous));
    let p = escape::patch_path(&s);
    assert!(!p.contains('\n') && !p.chars().any(escape::is_dangerous));
    let h = escape::html(&s);
    assert!(!h.contains('<') && !h.contains('>'));
});
