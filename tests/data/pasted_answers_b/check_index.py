import json,re,sys,os
P='/work/data/rendered_prompts_b'; A='/work/data/pasted_answers_b'
def schema_of(step,lang):
    t=open(f'{P}/{step}-{lang}.txt').read()
    line=[l for l in t.splitlines() if l.startswith('{"$defs"')][-1]
    return json.loads(line), set(re.findall(r'^\[(q[0-9a-f]{10})\]',t,re.M))
def check(obj,sch,defs,path,errs,ids):
    if '$ref' in sch: sch=defs[sch['$ref'].split('/')[-1]]
    ty=sch.get('type')
    if ty=='object':
        if not isinstance(obj,dict): errs.append(f'{path}: not object'); return
        props=sch.get('properties',{})
        for k in obj:
            if k not in props: errs.append(f'{path}: extra key {k}')
        for r in sch.get('required',[]):
            if r not in obj: errs.append(f'{path}: missing {r}')
        for k,v in obj.items():
            if k in props: check(v,props[k],defs,f'{path}.{k}',errs,ids)
        if 'evidence' in obj:
            for e in obj['evidence']:
                if e not in ids: errs.append(f'{path}: unknown id {e}')
            if obj['evidence']==[] and not obj.get('assumption'): print('  note:',path,'empty evidence without assumption flag')
    elif ty=='array':
        if not isinstance(obj,list): errs.append(f'{path}: not array'); return
        for i,x in enumerate(obj): check(x,sch['items'],defs,f'{path}[{i}]',errs,ids)
    elif ty=='string':
        if not isinstance(obj,str): errs.append(f'{path}: not string')
        if 'enum' in sch and obj not in sch['enum']: errs.append(f'{path}: bad enum {obj}')
    elif ty=='integer':
        if not isinstance(obj,int) or isinstance(obj,bool): errs.append(f'{path}: not int')
        elif not (sch.get('minimum',-1e9)<=obj<=sch.get('maximum',1e9)): errs.append(f'{path}: out of range')
    elif ty=='boolean':
        if not isinstance(obj,bool): errs.append(f'{path}: not bool')
n=0; files=set()
for ln,line in enumerate(open(f'{A}/index.jsonl'),1):
    r=json.loads(line); n+=1
    f=r['file']; files.add(f)
    m=re.match(r'(\d{3})-([A-Z]{2}-\d{2})-(nl|en)\.txt$',f)
    assert m and m.group(2)==r['step'] and m.group(3)==r['lang'], f
    sch,ids=schema_of(r['step'],r['lang'])
    errs=[]; check(r['expected'],sch,sch['$defs'],'$',errs,ids)
    txt=open(f'{A}/{f}').read()
    for q in set(re.findall(r'q[0-9a-f]{10}',txt)):
        if q not in ids: errs.append(f'answer text cites unknown id {q}')
    # ids in expected should appear in answer text
    exp_ids=set(re.findall(r'q[0-9a-f]{10}',json.dumps(r['expected'])))
    for q in exp_ids:
        if q not in txt: errs.append(f'expected id {q} not in answer text')
    print(f, 'OK' if not errs else errs)
print(n,'lines;',len(files),'files; on disk:',len([x for x in os.listdir(A) if x.endswith('.txt')]))
