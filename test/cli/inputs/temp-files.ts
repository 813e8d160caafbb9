import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const created: string[] = [];

/** A fresh folder under the OS temp folder holding `files` (relative path -> content; objects are written as JSON). */
export function tempFiles(files: Record<string, string | object>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-inputs-'));
  created.push(root);
  for (const [relative, content] of Object.entries(files)) {
    const file = path.join(root, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  }
  return root;
}

afterAll(() => {
  for (const root of created.splice(0)) fs.rmSync(root, { recursive: true, force: true });
});
