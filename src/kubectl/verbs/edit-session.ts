// One `kubectl edit` run after its objects were read [KUBECTL v0.34.9 pkg/cmd/util/editor/
// editoptions.go EditOptions.Run's editFn and visitToPatch]: the objects written to a temp file
// under the header, the editor launched, and then, each time the student leaves the editor,
// one pass of kubectl's loop: unchanged → "Edit cancelled, no changes made."; invalid file or
// server answer → the reasons written as comments above the file and the editor opened again;
// otherwise a strategic merge patch (CreateTwoWayMergePatch of the object as read and as edited)
// per changed object, `deployment.apps/web edited`. The editor is the host's (the playground's
// editor tab); the loop waits for it through a callback, so the terminal stays a foreground job.
import type { K8sObject } from '../../sim/api/types';
import { LAST_APPLIED, lastAppliedFor, strictFieldErrors } from '../../sim/apiserver/apply';
import { goJsonMarshal, twoWayPatch } from '../../sim/apiserver/apply-patch';
import { deepEqual } from '../../sim/apiserver/json';
import type { ApiError } from '../../sim/contract';
import { createRng } from '../../sim/runtime/rng';
import { parseManifests } from '../../sim/yaml';
import { toJson } from '../printers/json';
import { type OperationFormat, OperationPrinter } from '../printers/operation';
import { forOutput } from '../printers/output';
import { toYaml } from '../printers/yaml';
import { qualifiedResource, type ResourceType, resolveResourceType } from '../resources';
import { styleWarning } from '../warnings';
import {
  type EditReason,
  goSharpV,
  hasLines,
  headerText,
  manualStrip,
  stripComments,
  validateEdited,
} from './edit-text';
import { ENDPOINTS_WARNING } from './get';
import type { JobHandle, KubectlContext } from './registry';
import { CHANGE_CAUSE } from './set-record';

export interface EditTarget {
  t: ResourceType;
  obj: K8sObject;
}

export interface EditOptions {
  /** Editor format: `-o json` (any case) prints the objects as JSON, anything else YAML. */
  json: boolean;
  /** Exactly `-o json`: no header, a .json file. */
  jsonFile: boolean;
  /** The printer of the results (`edited`, `skipped`). */
  format: OperationFormat;
  outputPatch: boolean;
  /** --record's change-cause, set on every edited object. */
  cause: string | undefined;
  /** --save-config: the last-applied annotation written from the edited object. */
  saveConfig: boolean;
  /** --windows-line-endings: the file written with CRLF (crlf.NewCRLFWriter). */
  crlf: boolean;
  /** --validate: Ignore skips the client-side check; only Strict fails unknown fields. */
  validation: 'Strict' | 'Warn' | 'Ignore';
}

/**
 * util.CreateApplyAnnotation: the object without its last-applied annotation, encoded as the
 * unstructured JSON encoder writes it (sorted keys, HTML escaped, a newline), becomes that annotation.
 */
function withLastApplied(obj: Record<string, unknown>): Record<string, unknown> {
  const md = (obj.metadata ?? {}) as Record<string, unknown>;
  const annotations = { ...((md.annotations ?? {}) as Record<string, string>) };
  annotations[LAST_APPLIED] = lastAppliedFor(obj, undefined);
  return { ...obj, metadata: { ...md, annotations } };
}

/** Where the editor writes its output: the job once it exists. */
interface Out {
  out(text: string): void;
  err(text: string): void;
}

const runs = new WeakMap<object, number>();

/** os.CreateTemp("", "kubectl-edit-*.yaml"): a uint32 in decimal, from the cluster's seed forked by the instant. */
function tempPath(ctx: KubectlContext, ext: string): string {
  const now = ctx.cluster.now();
  const run = (runs.get(ctx.cluster) ?? 0) + 1;
  runs.set(ctx.cluster, run);
  const rng = createRng(ctx.cluster.seed).fork(`kubectl-edit/${now}/${run}`);
  return `/tmp/kubectl-edit-${rng.int(4294967296)}${ext}`;
}

/** encodeToJSON: the object as the client serialises it (undefined fields dropped). */
function plain(v: unknown): Record<string, unknown> {
  return JSON.parse(JSON.stringify(v)) as Record<string, unknown>;
}

/** The apiVersion's group and version. */
function groupVersion(apiVersion: string): { group: string; version: string } {
  const i = apiVersion.indexOf('/');
  return i < 0
    ? { group: '', version: apiVersion }
    : { group: apiVersion.slice(0, i), version: apiVersion.slice(i + 1) };
}

type Edited = { t: ResourceType; obj: Record<string, unknown> };

/**
 * The builder reading the edited file (Stream "edited-file", Flatten): each document, a List's
 * items one by one, mapped to its type. An error is what Infos() would answer.
 */
function readEdited(text: string): { ok: true; items: Edited[] } | { ok: false; message: string } {
  const r = parseManifests(text, 'edited-file');
  if (!r.ok) return { ok: false, message: r.error.message };
  const items: Edited[] = [];
  const docs: unknown[] = [];
  for (const d of r.docs) {
    const o = d as Record<string, unknown>;
    if (o && typeof o === 'object' && o.kind === 'List' && Array.isArray(o.items)) docs.push(...o.items);
    else docs.push(d);
  }
  for (const d of docs) {
    const o = (d ?? {}) as Record<string, unknown>;
    const md = (o.metadata ?? {}) as Record<string, unknown>;
    const apiVersion = typeof o.apiVersion === 'string' ? o.apiVersion : '';
    const kind = typeof o.kind === 'string' ? o.kind : '';
    const { group, version } = groupVersion(apiVersion);
    const t = kind ? resolveResourceType(kind) : undefined;
    if (!t || t.simulated === undefined || t.kind !== kind || t.group !== group || t.version !== version) {
      return {
        ok: false,
        message: `resource mapping not found for name: "${String(md.name ?? '')}" namespace: "${String(md.namespace ?? '')}" from "edited-file": no matches for kind "${kind}" in version "${apiVersion}"\nensure CRDs are installed first`,
      };
    }
    items.push({ t, obj: o });
  }
  return { ok: true, items };
}

export class EditSession {
  private original = '';
  private edited = '';
  /** results.file: the file of the last pass that kubectl has not removed. */
  private resultsFile = '';
  private containsError = false;
  private reasons: EditReason[] = [];
  private readonly ext: string;
  private job: JobHandle | undefined;
  /** Warnings printed so far (rest.WarningWriter with Deduplicate). */
  private readonly warned = new Set<string>();
  /** Set when the run ended (its exit code). */
  code: number | undefined;

  constructor(
    private readonly ctx: KubectlContext,
    private readonly targets: readonly EditTarget[],
    private readonly opts: EditOptions,
  ) {
    this.ext = opts.jsonFile ? '.json' : '.yaml';
    if (targets.some((x) => x.t.simulated === 'Endpoints')) this.warned.add(ENDPOINTS_WARNING);
  }

  private get io(): Out {
    return this.job ?? { out: this.ctx.proc.out, err: this.ctx.proc.err };
  }

  /** Start: the foreground job, the first file, the editor. */
  start(): void {
    const host = this.ctx.host;
    if (!host?.editFile) return;
    this.job = host.startJob({
      // Ctrl-C while the editor is open: kubectl dies with the signal, its temp file stays.
      onSignal: (_sig, h) => h.finish(130),
    });
    this.launch();
  }

  private finish(code: number): void {
    if (this.code !== undefined) return;
    this.code = code;
    this.job?.finish(code);
  }

  /** The object(s) as the editor shows them: one object, or a List of several. */
  private printed(): string {
    const items = this.targets.map((x) => forOutput(x.obj));
    const obj = items.length === 1 ? items[0] : { apiVersion: 'v1', items, kind: 'List', metadata: {} };
    return this.opts.json ? toJson(obj) : toYaml(obj);
  }

  /** One pass of the loop up to the editor: the file text, a new temp file, the editor opened. */
  private launch(): void {
    let buf = this.opts.jsonFile ? '' : headerText(this.reasons);
    if (!this.containsError) {
      buf += this.printed();
      this.original = buf;
    } else {
      // The edited file again, without its comments: the new header replaces the old one.
      buf += manualStrip(this.edited);
    }
    if (this.opts.crlf) buf = buf.replace(/\r?\n/g, '\r\n');
    const path = tempPath(this.ctx, this.ext);
    this.ctx.host?.editFile?.(path, buf, (text) => {
      if (this.code === undefined && !this.job?.done) this.afterEditor(path, text);
    });
  }

  /** `preservedFile`: where the changes are kept, then the error. */
  private preserved(message: string, file: string): void {
    if (file !== '' && this.ctx.host?.stat(file) !== undefined)
      this.io.err(`A copy of your changes has been stored to "${file}"\n`);
    this.io.err(`error: ${message}\n`);
    this.finish(1);
  }

  private remove(file: string): void {
    this.ctx.host?.removeFile?.(file);
  }

  private resourceString(t: ResourceType): string {
    return qualifiedResource(t);
  }

  private afterEditor(file: string, edited: string): void {
    const editedDiff = this.edited;
    this.edited = edited;
    if (this.containsError && stripComments(editedDiff) === stripComments(edited)) {
      this.preserved('Edit cancelled, no valid changes were saved.', file);
      return;
    }
    if (this.resultsFile !== '') this.remove(this.resultsFile);
    const first = this.targets[0] as EditTarget;
    // f.Validator: NullSchema for Ignore.
    const invalid = this.opts.validation === 'Ignore' ? undefined : validateEdited(stripComments(edited));
    if (invalid !== undefined) {
      this.resultsFile = file;
      this.containsError = true;
      // NewInvalid(…, field.ErrorList{field.Invalid(nil, "The edited file failed validation", err)})
      const res = this.resourceString(first.t);
      this.reasons = [
        {
          head: `${res} "${first.obj.metadata.name}" was not valid`,
          other: [`<nil>: Invalid value: "The edited file failed validation": ${invalid}`],
        },
      ];
      this.io.err(`error: ${res} "${first.obj.metadata.name}" is invalid\n`);
      this.launch();
      return;
    }
    if (stripComments(this.original) === stripComments(edited)) {
      this.remove(file);
      this.io.err('Edit cancelled, no changes made.\n');
      this.finish(0);
      return;
    }
    if (!hasLines(edited)) {
      this.remove(file);
      this.io.err('Edit cancelled, saved file was empty.\n');
      this.finish(0);
      return;
    }
    this.resultsFile = file;
    this.reasons = [];
    const read = readEdited(edited);
    if (!read.ok) {
      this.containsError = true;
      this.reasons.push({ head: `The edited file had a syntax error: ${read.message}`, other: [] });
      this.launch();
      return;
    }
    this.containsError = false;
    const cmdNs = this.ctx.namespace;
    for (const { t, obj } of read.items) {
      if (!t.namespaced) continue;
      const md = (obj.metadata ?? {}) as Record<string, unknown>;
      const ns = typeof md.namespace === 'string' ? md.namespace : '';
      if (ns === '') obj.metadata = { ...md, namespace: cmdNs };
      else if (ns !== cmdNs) {
        this.preserved(
          `the namespace from the provided object "${ns}" does not match the namespace "${cmdNs}". You must pass '--namespace=${ns}' to perform this operation.`,
          file,
        );
        return;
      }
    }
    // visitAnnotation: --save-config's annotation, then --record's.
    if (this.opts.saveConfig) for (const item of read.items) item.obj = withLastApplied(item.obj);
    if (this.opts.cause !== undefined) {
      for (const { obj } of read.items) {
        const md = (obj.metadata ?? {}) as Record<string, unknown>;
        const annotations = {
          ...((md.annotations ?? {}) as Record<string, string>),
          [CHANGE_CAUSE]: this.opts.cause,
        };
        obj.metadata = { ...md, annotations };
      }
    }
    const tally = { retryable: 0, notfound: 0, edit: 0 };
    const failed = this.visitToPatch(read.items, tally);
    if (failed !== undefined) {
      this.preserved(failed, this.resultsFile);
      return;
    }
    if (tally.retryable > 0) {
      this.io.err(`You can run \`kubectl replace -f ${file}\` to try this update again.\n`);
      this.finish(1);
      return;
    }
    if (tally.notfound > 0) {
      this.io.err(`The edits you made on deleted resources have been saved to "${file}"\n`);
      this.finish(1);
      return;
    }
    if (tally.edit === 0) {
      this.remove(file);
      this.finish(0);
      return;
    }
    if (this.reasons.length > 0) this.containsError = true;
    this.launch();
  }

  /** visitToPatch over the edited objects; a message when the visit stops with an error. */
  private visitToPatch(
    items: Edited[],
    tally: { retryable: number; notfound: number; edit: number },
  ): string | undefined {
    for (const { t, obj } of items) {
      const md = (obj.metadata ?? {}) as Record<string, unknown>;
      const original = this.targets.find((x) => x.obj.metadata.uid === md.uid);
      if (!original) {
        // restoreManagedFields found none for this uid: SetManagedFields(nil) drops the key.
        const { managedFields: _none, ...rest } = md;
        return `no original object found for &unstructured.Unstructured{Object:${goSharpV({ ...obj, metadata: rest })}}`;
      }
      // restoreManagedFields: the object's own managedFields go back on both sides.
      const mf = (original.obj.metadata as { managedFields?: unknown }).managedFields;
      const editedObj = { ...obj, metadata: { ...md } } as Record<string, unknown> & {
        metadata: Record<string, unknown>;
      };
      if (mf === undefined) delete editedObj.metadata.managedFields;
      else editedObj.metadata.managedFields = mf;
      const originalJS = plain(original.obj);
      const editedJS = plain(editedObj);
      const name = String(md.name ?? '');
      if (deepEqual(originalJS, editedJS)) {
        this.print(new OperationPrinter(this.opts.format, 'skipped').print(editedJS as unknown as K8sObject));
        continue;
      }
      let patch: Record<string, unknown>;
      try {
        patch = twoWayPatch(originalJS, editedJS, t.kind);
      } catch (e) {
        return (e as Error).message;
      }
      const meta = patch.metadata;
      if (
        'apiVersion' in patch ||
        'kind' in patch ||
        'managedFields' in patch ||
        (meta !== null && typeof meta === 'object' && 'name' in (meta as object))
      )
        return 'At least one of apiVersion, kind and name was changed';
      const body = goJsonMarshal(patch);
      if (this.opts.outputPatch) this.io.out(`Patch: ${body}\n`);
      const kind = t.simulated;
      if (kind === undefined) continue;
      const ns = t.namespaced ? this.ctx.namespace : undefined;
      // kubectl edit sends fieldValidation=Strict (--validate's default): an unknown field fails
      // the PATCH as an Invalid `patch` instead of being dropped with a warning.
      const live = this.ctx.cluster.get(kind, ns, name);
      const strict =
        live && this.opts.validation === 'Strict' ? strictFieldErrors(live, body, kind) : undefined;
      const r = strict
        ? { ok: false as const, error: strict }
        : this.ctx.cluster.patch(kind, ns, name, 'strategic', body);
      if (!r.ok) {
        this.io.err(`${this.addError(r.error, t, name, tally)}\n`);
        continue;
      }
      for (const w of r.warnings ?? []) {
        // fieldValidation=Ignore: the server drops unknown fields without a word.
        if (this.opts.validation === 'Ignore' && w.startsWith('unknown field "')) continue;
        const line = `Warning: ${w}`;
        if (this.warned.has(line)) continue;
        this.warned.add(line);
        this.io.err(styleWarning(this.ctx.proc, `${line}\n`));
      }
      this.print(new OperationPrinter(this.opts.format, 'edited').print(r.object));
    }
    return undefined;
  }

  private print(p: { out: string; error?: string }): void {
    this.io.out(p.out);
    if (p.error) this.io.err(`${p.error}\n`);
  }

  /** editResults.addError: the line printed, and the reason the file is reopened for. */
  private addError(
    e: ApiError,
    t: ResourceType,
    name: string,
    tally: { retryable: number; notfound: number; edit: number },
  ): string {
    const res = this.resourceString(t);
    if (e.reason === 'Invalid') {
      tally.edit++;
      this.reasons.push({
        head: `${res} "${name}" was not valid`,
        other: (e.details?.causes ?? []).map((c) => `${c.field}: ${c.message}`),
      });
      return `error: ${res} "${name}" is invalid`;
    }
    if (e.reason === 'NotFound') {
      tally.notfound++;
      return `error: ${res} "${name}" could not be found on the server`;
    }
    tally.retryable++;
    return `error: ${res} "${name}" could not be patched: ${e.message}`;
  }
}
