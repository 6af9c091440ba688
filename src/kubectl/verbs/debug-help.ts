// `kubectl debug --help` [KUBECTL v0.34.9 pkg/cmd/debug/debug.go debugLong, debugExample, AddFlags].
// The long text goes through templates.LongDesc: heredoc, then blackfriday with kubectl's
// ASCIIRenderer (markdown.go), which starts each text line of a paragraph with a space (so every
// paragraph after the first begins with one) and lays the list out as `  *  item` on one line.
import { composeHelp } from './generate-help';

const COPY_ONLY = "(This flag only works when used with '--copy-to')";

export const DEBUG_HELP = composeHelp({
  long: `Debug cluster resources using interactive debugging containers.

 'debug' provides automation for common debugging tasks for cluster objects identified by resource and name. Pods will be used by default if no resource is specified.

 The action taken by 'debug' varies depending on what resource is specified. Supported actions include:

  *  Workload: Create a copy of an existing pod with certain attributes changed, for example changing the image tag to a new version.
  *  Workload: Add an ephemeral container to an already running pod, for example to add debugging utilities without restarting the pod.
  *  Node: Create a new pod that runs in the node's host namespaces and can access the node's filesystem.

 Note: When a non-root user is configured for the entire target Pod, some capabilities granted by debug profile may not work.`,
  examples: `  # Create an interactive debugging session in pod mypod and immediately attach to it.
  kubectl debug mypod -it --image=busybox
  
  # Create an interactive debugging session for the pod in the file pod.yaml and immediately attach to it.
  # (requires the EphemeralContainers feature to be enabled in the cluster)
  kubectl debug -f pod.yaml -it --image=busybox
  
  # Create a debug container named debugger using a custom automated debugging image.
  kubectl debug --image=myproj/debug-tools -c debugger mypod
  
  # Create a copy of mypod adding a debug container and attach to it
  kubectl debug mypod -it --image=busybox --copy-to=my-debugger
  
  # Create a copy of mypod changing the command of mycontainer
  kubectl debug mypod -it --copy-to=my-debugger --container=mycontainer -- sh
  
  # Create a copy of mypod changing all container images to busybox
  kubectl debug mypod --copy-to=my-debugger --set-image=*=busybox
  
  # Create a copy of mypod adding a debug container and changing container images
  kubectl debug mypod -it --copy-to=my-debugger --image=debian --set-image=app=app:debug,sidecar=sidecar:debug
  
  # Create an interactive debugging session on a node and immediately attach to it.
  # The container will run in the host namespaces and the host's filesystem will be mounted at /host
  kubectl debug node/mynode -it --image=busybox`,
  flags: [
    { name: 'filename', short: 'f', def: '[]', usage: 'identifying the resource to debug' },
    {
      name: 'arguments-only',
      def: 'false',
      usage:
        'If specified, everything after -- will be passed to the new container as Args instead of Command.',
    },
    {
      name: 'attach',
      def: 'false',
      usage:
        "If true, wait for the container to start running, and then attach as if 'kubectl attach ...' were called.  Default false, unless '-i/--stdin' is set, in which case the default is true.",
    },
    { name: 'container', short: 'c', def: "''", usage: 'Container name to use for debug container.' },
    { name: 'copy-to', def: "''", usage: 'Create a copy of the target Pod with this name.' },
    { name: 'replace', def: 'false', usage: "When used with '--copy-to', delete the original Pod." },
    { name: 'env', def: '[]', usage: 'Environment variables to set in the container.' },
    { name: 'image', def: "''", usage: 'Container image to use for debug container.' },
    { name: 'keep-labels', def: 'false', usage: `If true, keep the original pod labels.${COPY_ONLY}` },
    {
      name: 'keep-annotations',
      def: 'false',
      usage: `If true, keep the original pod annotations.${COPY_ONLY}`,
    },
    {
      name: 'keep-liveness',
      def: 'false',
      usage: `If true, keep the original pod liveness probes.${COPY_ONLY}`,
    },
    {
      name: 'keep-readiness',
      def: 'false',
      usage: `If true, keep the original pod readiness probes.${COPY_ONLY}`,
    },
    { name: 'keep-startup', def: 'false', usage: `If true, keep the original startup probes.${COPY_ONLY}` },
    {
      name: 'keep-init-containers',
      def: 'true',
      usage: `Run the init containers for the pod. Defaults to true.${COPY_ONLY}`,
    },
    {
      name: 'set-image',
      def: '[]',
      usage:
        "When used with '--copy-to', a list of name=image pairs for changing container images, similar to how 'kubectl set image' works.",
    },
    {
      name: 'image-pull-policy',
      def: "''",
      usage:
        'The image pull policy for the container. If left empty, this value will not be specified by the client and defaulted by the server.',
    },
    {
      name: 'stdin',
      short: 'i',
      def: 'false',
      usage: 'Keep stdin open on the container(s) in the pod, even if nothing is attached.',
    },
    { name: 'quiet', short: 'q', def: 'false', usage: 'If true, suppress informational messages.' },
    {
      name: 'same-node',
      def: 'false',
      usage: "When used with '--copy-to', schedule the copy of target Pod on the same node.",
    },
    {
      name: 'share-processes',
      def: 'true',
      usage: "When used with '--copy-to', enable process namespace sharing in the copy.",
    },
    {
      name: 'target',
      def: "''",
      usage: 'When using an ephemeral container, target processes in this container name.',
    },
    { name: 'tty', short: 't', def: 'false', usage: 'Allocate a TTY for the debugging container.' },
    {
      name: 'profile',
      def: "'legacy'",
      usage: 'Options are "legacy", "general", "baseline", "netadmin", "restricted" or "sysadmin".',
    },
    {
      name: 'custom',
      def: "''",
      usage:
        'Path to a JSON or YAML file containing a partial container spec to customize built-in debug profiles.',
    },
  ],
  usage: 'kubectl debug (POD | TYPE[[.VERSION].GROUP]/NAME) [ -- COMMAND [args...] ]',
});
