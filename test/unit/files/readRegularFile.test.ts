import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readRegularFile } from '../../../server/src/files/readRegularFile';
import { readWorkspaceConfig } from '../../../server/src/packs/workspaceConfig';

describe('reading files a workspace names', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'read-regular-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads a regular file, and refuses a FIFO, a device, a folder and an oversize file with a message', () => {
    fs.writeFileSync(path.join(dir, 'a.yaml'), 'rules: {}\n');
    execFileSync('mkfifo', [path.join(dir, 'fifo')]);
    fs.symlinkSync('/dev/zero', path.join(dir, 'zero'));
    const read = (name: string, max = 1024) => readRegularFile(path.join(dir, name), max);
    assert.equal(read('a.yaml').ok, true);
    assert.deepEqual(read('fifo'), { ok: false, message: '不是普通文件（命名管道），未读取。' });
    assert.deepEqual(read('zero'), { ok: false, message: '不是普通文件（设备文件），未读取。' });
    assert.equal((read('.') as { message: string }).message, '不是普通文件（文件夹），未读取。');
    assert.match((read('a.yaml', 4) as { message: string }).message, /^文件过大/);
    assert.equal((read('missing') as { missing?: boolean }).missing, true);
  });

  it('workspace packs must stay inside the workspace folder: absolute, ../ and links leading out are refused', () => {
    const workspace = path.join(dir, 'ws');
    fs.mkdirSync(path.join(workspace, 'rules'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'outside.yaml'), 'id: x\n');
    fs.symlinkSync(path.join(dir, 'outside.yaml'), path.join(workspace, 'rules', 'link.yaml'));
    fs.writeFileSync(path.join(workspace, 'rules', 'local.yaml'), 'id: y\n');
    const config = readWorkspaceConfig(workspace, ['rules/local.yaml', '../outside.yaml', path.join(dir, 'outside.yaml'), 'rules/link.yaml']);
    assert.deepEqual(config.packFiles, [path.join(workspace, 'rules', 'local.yaml')]);
    assert.equal(config.problems.length, 3);
    assert.ok(config.problems.every((p) => p.message.startsWith('规则包路径须在工作区文件夹之内')));
  });
});
