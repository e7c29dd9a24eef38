// Parses every PowerShell file of the repository with tree-sitter-powershell and fails on any
// syntax error, so Pester scripts, build.ps1 and the manifest are checked where pwsh is absent.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import Parser from 'tree-sitter';
import PowerShell from 'tree-sitter-powershell';

const root = resolve(new URL('../..', import.meta.url).pathname);
const skip = new Set(['node_modules', 'bin', 'obj', 'out', '.git']);
const files = [];
(function walk(dir) {
  for (const name of readdirSync(dir)) {
    if (skip.has(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (/\.(ps1|psm1|psd1)$/i.test(name)) files.push(path);
  }
})(root);

const parser = new Parser();
parser.setLanguage(PowerShell);
let failed = 0;
for (const file of files) {
  const tree = parser.parse(readFileSync(file, 'utf8'), undefined, { bufferSize: 1 << 20 });
  const problems = [];
  (function visit(node) {
    if (node.isError || node.isMissing) problems.push(node);
    else if (node.hasError) for (const child of node.children) visit(child);
  })(tree.rootNode);
  const name = relative(root, file);
  if (problems.length === 0) {
    console.log(`parsed ${name}`);
  } else {
    failed++;
    for (const node of problems) {
      const { row, column } = node.startPosition;
      console.log(`${name}:${row + 1}:${column + 1}: ${node.isMissing ? 'missing ' + node.type : 'syntax error near: ' + node.text.slice(0, 60)}`);
    }
  }
}
if (files.length === 0) { console.log('no PowerShell files found'); process.exit(1); }
console.log(`powershell-parse: ${files.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
