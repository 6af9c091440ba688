// Importing this module registers the read verbs (get, describe, explain, events, top) with the
// verb registry; the dispatcher imports it once.
import './get';
import './describe';
