// Sets our figures (EngineBench) beside the peer's (peer/bench.mjs) and prints the table whose
// last line is `ratio: R`: ours / peer, state transitions per second, on the workload where that
// ratio is smallest (a workload ours cannot run counts as 0).
//
// Usage: node report.mjs DIR WORKLOAD... (reads DIR/ours-WORKLOAD.json and DIR/peer-WORKLOAD.json)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';

const [dir, ...names] = process.argv.slice(2);
const read = (engine, name) => JSON.parse(fs.readFileSync(path.join(dir, `${engine}-${name}.json`), 'utf8'));
const ours = names.map((name) => read('ours', name));
const peer = names.map((name) => read('peer', name));

const integer = (value) => (value === undefined ? 'n/a' : Math.round(value).toLocaleString('en-US'));
const spread = (mean, sd) => (mean === undefined ? 'n/a' : `${integer(mean)} ±${integer(sd)}`);
const micros = (value) => (value === undefined ? 'n/a' : value >= 100 ? integer(value) : value.toFixed(1));
const ratio = (a, b) => {
  if (a === undefined || !b) return 'n/a';
  const value = a / b;
  return `${value >= 100 ? integer(value) : value.toFixed(1)}x`;
};

const columns = [
  ['workload', 'left'],
  ['tr/exec', 'right'],
  ['ours tr/s', 'right'],
  ['peer tr/s', 'right'],
  ['ratio', 'right'],
  ['ours exec/s', 'right'],
  ['peer exec/s', 'right'],
  ['ours parse µs', 'right'],
  ['peer parse µs', 'right'],
  ['parse ratio', 'right'],
];
const rows = [];
const notes = [];
let smallest;
for (const [i, { workload: theirs }] of peer.entries()) {
  const mine = ours[i].workload;
  const peerRate = theirs.execPerSec * theirs.transitions;
  const oursRate = mine.error ? 0 : mine.execPerSec * mine.transitions;
  if (mine.error) {
    notes.push(`${theirs.name}: ours does not run it (${mine.error.split('\n')[0]})`);
  } else {
    if (mine.transitions !== theirs.transitions) {
      notes.push(`${theirs.name}: transitions per execution differ (ours ${mine.transitions}, peer ${theirs.transitions})`);
    }
    if (!isDeepStrictEqual(mine.output, theirs.output)) {
      notes.push(`${theirs.name}: the two engines' outputs differ`);
    }
  }
  const workloadRatio = oursRate / peerRate;
  if (smallest === undefined || workloadRatio < smallest.value) {
    smallest = { value: workloadRatio, name: theirs.name };
  }
  rows.push([
    theirs.name,
    String(theirs.transitions),
    mine.error ? 'n/a' : integer(oursRate),
    integer(peerRate),
    mine.error ? 'n/a' : ratio(oursRate, peerRate),
    mine.error ? 'n/a' : spread(mine.execPerSec, mine.execPerSecSd),
    spread(theirs.execPerSec, theirs.execPerSecSd),
    micros(mine.parseMedianUs),
    micros(theirs.parseMedianUs),
    ratio(theirs.parseMedianUs, mine.parseMedianUs),
  ]);
}

const widths = columns.map(([title], i) => Math.max(title.length, ...rows.map((row) => row[i].length)));
const line = (cells) =>
  cells.map((cell, i) => (columns[i][1] === 'left' ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
console.log('');
console.log(`Engine benchmark, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${cpu} (${os.cpus().length} cores), load ${os.loadavg()[0].toFixed(1)}`);
console.log(`ours: ${ours[0].engine}; ${ours[0].runtime}; parse: ${ours[0].parse}`);
console.log(`peer: ${peer[0].engine}; ${peer[0].runtime}; parse: ${peer[0].parse}`);
console.log('each workload ran on ours, then at once on the peer, so both saw about the same machine load');
console.log('tr = state transitions (states entered); exec/s = mean ± standard deviation over the measured iterations; parse = median');
console.log('');
console.log(line(columns.map(([title]) => title)));
console.log(line(widths.map((width) => '-'.repeat(width))));
for (const row of rows) console.log(line(row));
if (ours[0].runtime.includes('quick')) {
  notes.push('quick mode: a smoke test of the harness; ours is barely warmed up, so these figures are not a result');
}
for (const note of notes) console.log(`note: ${note}`);
console.log(`slowest relative to the peer: ${smallest.name}`);
console.log(`ratio: ${smallest.value.toFixed(1)}`);
