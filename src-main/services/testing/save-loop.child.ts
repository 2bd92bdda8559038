import path from 'node:path';
import { DocumentService } from '../document.service';
import { RecentFiles } from '../recent-files';
import { RecoveryStore } from '../recovery-store';

// Run by save-crash.test.ts and killed with SIGKILL at a random moment: opens DIR/api.yaml, then
// forever makes an edit, autosaves it to the recovery folder, saves it to the file, and prints a
// line after each step has finished ("autosaved N", "saved N"), so the test knows what was
// acknowledged before the kill.

const dir = process.argv[2];
if (!dir) throw new Error('usage: save-loop.child.ts DIR');
const file = path.join(dir, 'api.yaml');

const service = new DocumentService({
  recovery: new RecoveryStore(path.join(dir, 'recovery')),
  recent: new RecentFiles(path.join(dir, 'recent.json')),
  emit: () => undefined,
  autosaveMs: 3_600_000,
});

const state = await service.open(file);
process.stdout.write(`session ${state.sessionId}\n`);
let version = Number(/^# version (\d+)$/m.exec(state.text ?? '')?.[1] ?? '0');
for (;;) {
  version += 1;
  const current = service.text();
  if (!current) throw new Error('no document');
  const line = /^# version \d+$/m.exec(current.text);
  if (!line) throw new Error('no version line');
  service.applyText(current.revision, [{ offset: line.index, length: line[0].length, text: `# version ${version}` }]);
  await service.flushRecovery();
  process.stdout.write(`autosaved ${version}\n`);
  const result = await service.save();
  if (result.status !== 'saved') throw new Error(`save: ${result.status}`);
  process.stdout.write(`saved ${version}\n`);
}
