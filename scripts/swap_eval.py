#!/usr/bin/env python3
"""Swap recall: in every clean translation of samples/ and tests/data/heldout/,
swap the first two different numbers of one shape (both percentages or both
not, at most 120 characters apart) on a line, one line at a time, and count
the swaps `transcheck check` reports as a `number` error on that line.

    python3 scripts/swap_eval.py target/release/transcheck [-v]
"""
import re,subprocess,json,glob,sys,os,tempfile
T=sys.argv[1]
pairs=[]
for d in sorted(glob.glob('samples/*/'))+sorted(glob.glob('tests/data/heldout/*/')):
    src=d+'pt.txt'
    for t in ['en.txt','clean.en.txt']:
        if os.path.exists(d+t) and os.path.exists(src): pairs.append((src,d+t))
num=re.compile(r'(?<![\w.,])\d+(?:[.,]\d+)*%?')
tot=found=0; fa=0
for src,tgt in pairs:
    text=open(tgt).read()
    lines=text.split('\n')
    for li,l in enumerate(lines):
        ms=[m for m in num.finditer(l)]
        # sentence-level: pick first two distinct numbers of the same shape (both % or both not)
        cand=None
        for a in range(len(ms)):
            for b in range(a+1,len(ms)):
                x,y=ms[a].group(),ms[b].group()
                if x!=y and x.endswith('%')==y.endswith('%') and abs(ms[b].start()-ms[a].start())<120:
                    cand=(ms[a],ms[b]);break
            if cand:break
        if not cand: continue
        a,b=cand
        nl=l[:a.start()]+b.group()+l[a.end():b.start()]+a.group()+l[b.end():]
        mut='\n'.join(lines[:li]+[nl]+lines[li+1:])
        with tempfile.NamedTemporaryFile('w',suffix='.txt',delete=False) as f: f.write(mut); p=f.name
        out=subprocess.run([T,'check',src,p,'--format','json','--fail-on','never','--glossary','glossaries/'],capture_output=True,text=True).stdout
        os.unlink(p)
        d=json.loads(out)
        hit=[f for f in d['findings'] if f['rule']=='number' and f['severity']=='error' and f.get('target') and f['target']['line']==li+1]
        tot+=1; found+=bool(hit)
        if '-v' in sys.argv: print('HIT ' if hit else 'MISS', tgt, li+1, a.group(), b.group(), [h['message'][:80] for h in hit])
print(f"swaps found {found}/{tot}")
