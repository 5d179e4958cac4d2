// Sets our figures (EngineBench) beside the peer's (peer/bench.mjs) and prints the tables whose
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

const integer = (value) => Math.round(value).toLocaleString('en-US');
const figure = (value) => (value === undefined ? 'n/a' : value >= 100 ? integer(value) : value.toFixed(1));
const spread = (mean, sd) => (mean === undefined ? 'n/a' : `${integer(mean)} ±${integer(sd)}`);
const times = (value) => (value === undefined || !Number.isFinite(value) ? 'n/a' : `${figure(value)}x`);

function table(columns, rows) {
  const widths = columns.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i].length)));
  const line = (cells) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  console.log(line(columns));
  console.log(line(widths.map((width) => '-'.repeat(width))));
  for (const row of rows) console.log(line(row));
}

const speed = [];
const cost = [];
const notes = [];
let smallest;
for (const [i, { workload: theirs }] of peer.entries()) {
  const mine = ours[i].workload;
  const ran = !mine.error;
  const peerRate = theirs.execPerSec * theirs.transitions;
  const oursRate = ran ? mine.execPerSec * mine.transitions : 0;
  if (!ran) {
    notes.push(`${theirs.name}: ours does not run it (${mine.error.split('\n')[0]})`);
  } else {
    if (mine.transitions !== theirs.transitions) {
      notes.push(`${theirs.name}: transitions per execution differ (ours ${mine.transitions}, peer ${theirs.transitions})`);
    }
    if (!isDeepStrictEqual(mine.output, theirs.output)) {
      notes.push(`${theirs.name}: the two engines' outputs differ`);
    }
  }
  const ratio = oursRate / peerRate;
  if (smallest === undefined || ratio < smallest.value) smallest = { value: ratio, name: theirs.name };
  speed.push([
    theirs.name,
    String(theirs.transitions),
    ran ? integer(oursRate) : 'n/a',
    integer(peerRate),
    ran ? times(ratio) : 'n/a',
    ran ? spread(mine.execPerSec, mine.execPerSecSd) : 'n/a',
    spread(theirs.execPerSec, theirs.execPerSecSd),
  ]);
  cost.push([
    theirs.name,
    ran ? figure(mine.cpuUsPerExec) : 'n/a',
    figure(theirs.cpuUsPerExec),
    ran ? times(theirs.cpuUsPerExec / mine.cpuUsPerExec) : 'n/a',
    figure(mine.parseMedianUs),
    figure(theirs.parseMedianUs),
    times(theirs.parseMedianUs / mine.parseMedianUs),
  ]);
}

const cpus = os.cpus();
console.log('');
console.log(
  `Engine benchmark, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${cpus[0]?.model ?? 'unknown CPU'} ` +
    `(${cpus.length} cores), load average ${os.loadavg()[0].toFixed(1)}`,
);
console.log(`ours: ${ours[0].engine}; ${ours[0].runtime}`);
console.log(`      parse = ${ours[0].parse}`);
console.log(`peer: ${peer[0].engine}; ${peer[0].runtime}`);
console.log(`      parse = ${peer[0].parse}`);
console.log('Workload by workload, ours ran and then at once the peer, so both saw about the same load.');
console.log('tr = state transitions (states entered); exec/s = mean ±sd over the measured iterations;');
console.log('CPU µs/exec = process CPU time (GC and JIT included) per execution; parse = median.');
console.log('');
table(['workload', 'tr/exec', 'ours tr/s', 'peer tr/s', 'ratio', 'ours exec/s', 'peer exec/s'], speed);
console.log('');
table(
  ['workload', 'ours CPU µs/exec', 'peer CPU µs/exec', 'ratio by CPU', 'ours parse µs', 'peer parse µs', 'parse ratio'],
  cost,
);
if (ours[0].runtime.includes('quick')) {
  notes.push('quick mode: a smoke test of the harness; ours is barely warmed up, so these figures are not a result');
}
for (const note of notes) console.log(`note: ${note}`);
console.log(`slowest relative to the peer: ${smallest.name}`);
console.log(`ratio: ${smallest.value.toFixed(1)}`);
