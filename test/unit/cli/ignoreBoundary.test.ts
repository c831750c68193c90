import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { collectFiles } from '../../../server/src/cli/files';

describe('ignore files and a workspace folder inside a repository', () => {
  it('a repository ignore file above the boundary does not hide the agreements of the folder below it', () => {
    const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'ignore-boundary-'));
    try {
      fs.mkdirSync(path.join(repo, '.git'));
      fs.writeFileSync(path.join(repo, '.agreementignore'), 'test/\n');
      const workspace = path.join(repo, 'test', 'workspace');
      fs.mkdirSync(workspace, { recursive: true });
      fs.writeFileSync(path.join(workspace, 'a.agreement.md'), '# a\n');
      fs.writeFileSync(path.join(workspace, '.agreementignore'), 'drafts/\n');
      fs.mkdirSync(path.join(workspace, 'drafts'));
      fs.writeFileSync(path.join(workspace, 'drafts', 'b.agreement.md'), '# b\n');
      assert.deepEqual(collectFiles([workspace], { cwd: workspace }).files, [], 'from the repository root down, test/ is ignored');
      assert.deepEqual(collectFiles([workspace], { cwd: workspace, ignoreBoundary: workspace }).files, [path.join(workspace, 'a.agreement.md')], 'the folder’s own ignore file still applies');
    } finally {
      fs.rmSync(repo, { recursive: true, force: true });
    }
  });
});
