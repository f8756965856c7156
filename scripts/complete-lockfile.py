#!/usr/bin/env python3
"""Adds lock entries for platform-specific optional packages that npm left out.

npm (11.19 here) omits optional platform packages it cannot fetch metadata for
(the registry this project is built against does not serve every platform), and
then `npm ci` refuses the lock file ("Missing: … from lock file"). A complete lock
file names every platform variant with its os/cpu/libc, so npm ci skips the ones
that do not match the machine. Run after `npm install`: python3 scripts/complete-lockfile.py
"""
import json
import re
import sys

path = sys.argv[1] if len(sys.argv) > 1 else 'package-lock.json'
lock = json.load(open(path))
packages = lock['packages']

def platform_of(name):
    leaf = name.split('/')[-1]
    m = re.search(r'(android|darwin|freebsd|openbsd|openharmony|linux|win32|aix|sunos|netbsd)-([a-z0-9]+)(?:-([a-z0-9]+))?$', leaf)
    if not m:
        return None
    os_, cpu, extra = m.group(1), m.group(2), m.group(3)
    entry = {'os': [os_], 'cpu': [cpu]}
    if os_ == 'linux':
        if extra and 'musl' in extra:
            entry['libc'] = ['musl']
        elif extra and ('gnu' in extra):
            entry['libc'] = ['glibc']
        elif cpu in ('x64', 'arm64') and not extra:
            entry['libc'] = ['glibc']
    return entry

added = 0
for key, meta in list(packages.items()):
    for dep, version in (meta.get('optionalDependencies') or {}).items():
        target = f'node_modules/{dep}'
        if target in packages or f'{key}/node_modules/{dep}' in packages:
            continue
        plat = platform_of(dep)
        if plat is None:
            continue
        entry = {'version': version}
        entry.update({k: v for k, v in plat.items()})
        if meta.get('dev'):
            entry['dev'] = True
        entry['optional'] = True
        packages[target] = entry
        added += 1

lock['packages'] = dict(sorted(packages.items(), key=lambda kv: (kv[0] != '', kv[0])))
json.dump(lock, open(path, 'w'), indent=2)
open(path, 'a').write('\n')
print(f'added {added} platform entries to {path}')
