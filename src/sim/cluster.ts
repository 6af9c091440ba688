// The simulated cluster for every caller but the page's first paint: createCluster with its late parts
// bound: the packet tracer, CoreDNS, the rule printers and apply (./late explains why they are late).
import './late-impl';

export * from './cluster-core';
