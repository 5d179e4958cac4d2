// Runs aws-local-stepfunctions in-process on the bench/engine workloads, measured the way JMH
// measures ours: warm-up iterations, then timed iterations of back-to-back executions on this
// one thread; and the median time to construct (parse and validate) a StateMachine.
//
// Usage: node bench.mjs --workload NAME --dir WORKLOADS_DIR --out FILE [--quick]
import { StateMachine } from 'aws-local-stepfunctions';
import fs from 'node:fs';
import path from 'node:path';

const DESCRIPTIONS = {
  'choice-chain': '10-state Pass/Choice chain',
  'map-100': 'Map, 100 items x 3 Pass',
  'parallel-3x3': 'Parallel, 3 branches x 3 Pass',
};

const args = process.argv.slice(2);
const option = (name) => {
  const at = args.indexOf(name);
  return at < 0 ? undefined : args[at + 1];
};
const quick = args.includes('--quick');
const name = option('--workload');
const dir = option('--dir');
const out = option('--out');
if (!DESCRIPTIONS[name] || !dir || !out) {
  console.error(`usage: node bench.mjs --workload ${Object.keys(DESCRIPTIONS).join('|')} --dir WORKLOADS_DIR --out FILE [--quick]`);
  process.exit(2);
}

// The same schedule as ours (EngineBench.Settings): iterations of this many milliseconds.
const schedule = quick
  ? { warmups: 1, measured: 2, millis: 500, constructWarmups: 1, constructs: 3 }
  : { warmups: 15, measured: 5, millis: 1000, constructWarmups: 3, constructs: 15 };

const version = JSON.parse(
  fs.readFileSync(new URL('./node_modules/aws-local-stepfunctions/package.json', import.meta.url), 'utf8'),
).version;
const readJson = (file) => JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));

/**
 * One iteration of back-to-back runs: executions per second, and the process's CPU time per
 * execution (steadier than wall time on a shared machine; like ours, GC and compiler included).
 */
async function iteration(machine, input, millis) {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const end = start + millis;
  let executions = 0;
  let now = start;
  while (now < end) {
    await machine.run(input).result;
    executions++;
    now = performance.now();
  }
  const used = process.cpuUsage(cpu);
  return { rate: executions / ((now - start) / 1000), cpuMicros: (used.user + used.system) / executions };
}

function mean(values) {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

function sd(values) {
  if (values.length < 2) return 0;
  const m = mean(values);
  return Math.sqrt(values.reduce((sum, value) => sum + (value - m) ** 2, 0) / (values.length - 1));
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function measure(name, description) {
  const definition = readJson(`${name}.asl.json`);
  const input = readJson(`${name}.input.json`);
  const figures = { name, description };

  // The constructor parses and validates the definition (asl-validator, JSONPaths and ARNs).
  const constructs = [];
  for (let i = 0; i < schedule.constructWarmups + schedule.constructs; i++) {
    const start = performance.now();
    new StateMachine(definition);
    const micros = (performance.now() - start) * 1000;
    if (i >= schedule.constructWarmups) constructs.push(micros);
  }
  figures.parseMedianUs = median(constructs);

  const machine = new StateMachine(definition);
  const check = machine.run(input);
  figures.output = await check.result;
  let transitions = 0;
  for await (const event of check.eventLogs) {
    if (event.type === 'StateEntered') transitions++;
  }
  figures.transitions = transitions;

  for (let i = 0; i < schedule.warmups; i++) await iteration(machine, input, schedule.millis);
  const iterations = [];
  for (let i = 0; i < schedule.measured; i++) iterations.push(await iteration(machine, input, schedule.millis));
  const rates = iterations.map((it) => it.rate);
  figures.execPerSec = mean(rates);
  figures.execPerSecSd = sd(rates);
  figures.iterations = rates.length;
  figures.cpuUsPerExec = mean(iterations.map((it) => it.cpuMicros));

  const number = (value, digits = 0) =>
    value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  console.log(
    `peer  ${name.padEnd(13)} ${String(transitions).padStart(4)} tr/exec  ${number(figures.execPerSec).padStart(10)} ±${number(figures.execPerSecSd)} exec/s  ` +
      `${number(figures.execPerSec * transitions).padStart(12)} tr/s  ${number(figures.cpuUsPerExec, 1)} CPU µs/exec  parse ${number(figures.parseMedianUs, 1)} µs`,
  );
  return figures;
}

const workload = await measure(name, DESCRIPTIONS[name]);
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(
  out,
  JSON.stringify({
    engine: `aws-local-stepfunctions ${version}`,
    runtime: `Node.js ${process.version}, ${quick ? 'quick: ' : ''}${schedule.warmups}x${schedule.millis / 1000} s warm-up, ${schedule.measured}x${schedule.millis / 1000} s measured`,
    parse: 'new StateMachine(definition): parse and validate',
    workload,
  }),
);
