// monaco-yaml's worker, re-exported so Vite bundles it locally as an ES module worker (?worker).
import 'monaco-yaml/yaml.worker.js';
