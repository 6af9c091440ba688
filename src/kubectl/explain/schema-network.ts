// Service, Endpoints, EndpointSlice, Namespace, Node and Event schema for `kubectl explain`.
import { API_VERSION, KIND, METADATA, type TypeSchema } from './schema-core';

const CONV = 'https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md';
const SPEC_STATUS = `${CONV}#spec-and-status`;

export const NETWORK_TYPES: Record<string, TypeSchema> = {
  Service: {
    description:
      'Service is a named abstraction of software service (for example, mysql) consisting of local port (for example 3306) that the proxy listens on, and the selector that determines which pods will answer requests sent through the proxy.',
    fields: {
      apiVersion: API_VERSION,
      kind: KIND,
      metadata: METADATA,
      spec: {
        type: 'ServiceSpec',
        description: `Spec defines the behavior of a service. ${SPEC_STATUS}`,
      },
      status: {
        type: 'ServiceStatus',
        description: `Most recently observed status of the service. Populated by the system. Read-only. More info: ${SPEC_STATUS}`,
      },
    },
  },
  ServiceSpec: {
    description: 'ServiceSpec describes the attributes that a user creates on a service.',
    fields: {
      clusterIP: {
        type: 'string',
        description:
          'clusterIP is the IP address of the service and is usually assigned randomly. If an address is specified manually, is in-range (as per system configuration), and is not in use, it will be allocated to the service; otherwise creation of the service will fail. This field may not be changed through updates unless the type field is also being changed to ExternalName (which requires this field to be blank) or the type field is being changed from ExternalName (in which case this field may optionally be specified, as describe above). Valid values are "None", empty string (""), or a valid IP address. Setting this to "None" makes a "headless service" (no virtual IP), which is useful when direct endpoint connections are preferred and proxying is not required.',
      },
      clusterIPs: {
        type: '[]string',
        description:
          'ClusterIPs is a list of IP addresses assigned to this service, and are usually assigned randomly. If this field is specified, the first value must match the clusterIP field.',
      },
      externalIPs: {
        type: '[]string',
        description:
          'externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service. These IPs are not managed by Kubernetes.',
      },
      externalName: {
        type: 'string',
        description:
          'externalName is the external reference that discovery mechanisms will return as an alias for this service (e.g. a DNS CNAME record). No proxying will be involved. Must be a lowercase RFC-1123 hostname (https://tools.ietf.org/html/rfc1123) and requires `type` to be "ExternalName".',
      },
      externalTrafficPolicy: {
        type: 'string',
        enum: ['Cluster', 'Local'],
        description:
          'externalTrafficPolicy describes how nodes distribute service traffic they receive on one of the Service\'s "externally-facing" addresses (NodePorts, ExternalIPs, and LoadBalancer IPs). If set to "Local", the proxy will configure the service in a way that assumes that external load balancers will take care of balancing the service traffic between nodes, and so each node will deliver traffic only to the node-local endpoints of the service, without masquerading the client source IP. The default value, "Cluster", uses the standard behavior of routing to all endpoints evenly (possibly modified by topology and other features).',
      },
      ports: {
        type: '[]ServicePort',
        description:
          'The list of ports that are exposed by this service. More info: https://kubernetes.io/docs/concepts/services-networking/service/#virtual-ips-and-service-proxies',
      },
      selector: {
        type: 'map[string]string',
        description:
          'Route service traffic to pods with label keys and values matching this selector. If empty or not present, the service is assumed to have an external process managing its endpoints, which Kubernetes will not modify. Only applies to types ClusterIP, NodePort, and LoadBalancer. Ignored if type is ExternalName. More info: https://kubernetes.io/docs/concepts/services-networking/service/',
      },
      sessionAffinity: {
        type: 'string',
        enum: ['ClientIP', 'None'],
        description:
          'Supports "ClientIP" and "None". Used to maintain session affinity. Enable client IP based session affinity. Must be ClientIP or None. Defaults to None.',
      },
      type: {
        type: 'string',
        enum: ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'],
        description:
          'type determines how the Service is exposed. Defaults to ClusterIP. Valid options are ExternalName, ClusterIP, NodePort, and LoadBalancer. "ClusterIP" allocates a cluster-internal IP address for load-balancing to endpoints. "NodePort" builds on ClusterIP and allocates a port on every node which routes to the same endpoints as the clusterIP. "LoadBalancer" builds on NodePort and creates an external load-balancer (if supported in the current cloud) which routes to the same endpoints as the clusterIP. "ExternalName" aliases this service to the specified externalName. More info: https://kubernetes.io/docs/concepts/services-networking/service/#publishing-services-service-types',
      },
    },
  },
  ServicePort: {
    description: "ServicePort contains information on service's port.",
    fields: {
      appProtocol: { type: 'string', description: 'The application protocol for this port.' },
      name: {
        type: 'string',
        description:
          "The name of this port within the service. This must be a DNS_LABEL. All ports within a ServiceSpec must have unique names. When considering the endpoints for a Service, this must match the 'name' field in the EndpointPort. Optional if only one ServicePort is defined on this service.",
      },
      nodePort: {
        type: 'integer',
        description:
          'The port on each node on which this service is exposed when type is NodePort or LoadBalancer. Usually assigned by the system. If a value is specified, in-range, and not in use it will be used, otherwise the operation will fail. More info: https://kubernetes.io/docs/concepts/services-networking/service/#type-nodeport',
      },
      port: {
        type: 'integer',
        required: true,
        description: 'The port that will be exposed by this service.',
      },
      protocol: {
        type: 'string',
        enum: ['SCTP', 'TCP', 'UDP'],
        description: 'The IP protocol for this port. Supports "TCP", "UDP", and "SCTP". Default is TCP.',
      },
      targetPort: {
        type: 'IntOrString',
        description:
          "Number or name of the port to access on the pods targeted by the service. Number must be in the range 1 to 65535. Name must be an IANA_SVC_NAME. If this is a string, it will be looked up as a named port in the target Pod's container ports. If this is not specified, the value of the 'port' field is used (an identity map). This field is ignored for services with clusterIP=None, and should be omitted or set equal to the 'port' field. More info: https://kubernetes.io/docs/concepts/services-networking/service/#defining-a-service",
      },
    },
  },
  ServiceStatus: {
    description: 'ServiceStatus represents the current status of a service.',
    fields: {
      loadBalancer: {
        type: 'LoadBalancerStatus',
        description: 'LoadBalancer contains the current status of the load-balancer, if one is present.',
      },
    },
  },
  LoadBalancerStatus: {
    description: 'LoadBalancerStatus represents the status of a load-balancer.',
    fields: {
      ingress: {
        type: '[]LoadBalancerIngress',
        description:
          'Ingress is a list containing ingress points for the load-balancer. Traffic intended for the service should be sent to these ingress points.',
      },
    },
  },
  LoadBalancerIngress: {
    description:
      'LoadBalancerIngress represents the status of a load-balancer ingress point: traffic intended for the service should be sent to an ingress point.',
    fields: {
      hostname: {
        type: 'string',
        description:
          'Hostname is set for load-balancer ingress points that are DNS based (typically AWS load-balancers)',
      },
      ip: {
        type: 'string',
        description:
          'IP is set for load-balancer ingress points that are IP based (typically GCE or OpenStack load-balancers)',
      },
      ipMode: {
        type: 'string',
        description:
          'IPMode specifies how the load-balancer IP behaves, and may only be specified when the ip field is specified. Setting this to "VIP" indicates that traffic is delivered to the node with the destination set to the load-balancer\'s IP and port. Setting this to "Proxy" indicates that traffic is delivered to the node or pod with the destination set to the node\'s IP and node port or the pod\'s IP and port.',
      },
    },
  },
  Endpoints: {
    description:
      'Endpoints is a collection of endpoints that implement the actual service. Deprecated: This API is deprecated in v1.33+. Use discoveryv1.EndpointSlice.',
    fields: {
      apiVersion: API_VERSION,
      kind: KIND,
      metadata: METADATA,
      subsets: {
        type: '[]EndpointSubset',
        description:
          'The set of all endpoints is the union of all subsets. Addresses are placed into subsets according to the IPs they share. A single address with multiple ports, some of which are ready and some of which are not (because they come from different containers) will result in the address being displayed in different subsets for the different ports.',
      },
    },
  },
  EndpointSubset: {
    description:
      'EndpointSubset is a group of addresses with a common set of ports. The expanded set of endpoints is the Cartesian product of Addresses x Ports.',
    fields: {
      addresses: {
        type: '[]EndpointAddress',
        description: 'IP addresses which offer the related ports that are marked as ready.',
      },
      notReadyAddresses: {
        type: '[]EndpointAddress',
        description:
          'IP addresses which offer the related ports but are not currently marked as ready because they have not yet finished starting, have recently failed a readiness check, or have recently failed a liveness check.',
      },
      ports: { type: '[]EndpointPort', description: 'Port numbers available on the related IP addresses.' },
    },
  },
  EndpointAddress: {
    description: 'EndpointAddress is a tuple that describes single IP address.',
    fields: {
      hostname: { type: 'string', description: 'The Hostname of this endpoint' },
      ip: { type: 'string', required: true, description: 'The IP of this endpoint.' },
      nodeName: { type: 'string', description: 'Optional: Node hosting this endpoint.' },
    },
  },
  EndpointPort: {
    description: 'EndpointPort is a tuple that describes a single port.',
    fields: {
      name: {
        type: 'string',
        description:
          "The name of this port. This must match the 'name' field in the corresponding ServicePort.",
      },
      port: { type: 'integer', required: true, description: 'The port number of the endpoint.' },
      protocol: {
        type: 'string',
        enum: ['SCTP', 'TCP', 'UDP'],
        description: 'The IP protocol for this port. Default is TCP.',
      },
    },
  },
  EndpointSlice: {
    description:
      'EndpointSlice represents a set of service endpoints. Most EndpointSlices are created by the EndpointSlice controller to represent the Pods selected by Service objects.',
    fields: {
      addressType: {
        type: 'string',
        required: true,
        enum: ['FQDN', 'IPv4', 'IPv6'],
        description: 'addressType specifies the type of address carried by this EndpointSlice.',
      },
      apiVersion: API_VERSION,
      endpoints: {
        type: '[]Endpoint',
        required: true,
        description:
          'endpoints is a list of unique endpoints in this slice. Each slice may include a maximum of 1000 endpoints.',
      },
      kind: KIND,
      metadata: METADATA,
      ports: {
        type: '[]EndpointPort',
        description:
          'ports specifies the list of network ports exposed by each endpoint in this slice. Each port must have a unique name.',
      },
    },
  },
  Endpoint: {
    description: 'Endpoint represents a single logical "backend" implementing a service.',
    fields: {
      addresses: {
        type: '[]string',
        required: true,
        description:
          'addresses of this endpoint. For EndpointSlices of addressType "IPv4" or "IPv6", the values are IP addresses.',
      },
      conditions: {
        type: 'EndpointConditions',
        description: 'conditions contains information about the current status of the endpoint.',
      },
      nodeName: {
        type: 'string',
        description: 'nodeName represents the name of the Node hosting this endpoint.',
      },
    },
  },
  EndpointConditions: {
    description: 'EndpointConditions represents the current condition of an endpoint.',
    fields: {
      ready: {
        type: 'boolean',
        description:
          'ready indicates that this endpoint is ready to receive traffic, according to whatever system is managing the endpoint.',
      },
      serving: {
        type: 'boolean',
        description:
          'serving indicates that this endpoint is able to receive traffic, according to whatever system is managing the endpoint.',
      },
      terminating: {
        type: 'boolean',
        description: 'terminating indicates that this endpoint is terminating.',
      },
    },
  },
  Namespace: {
    description: 'Namespace provides a scope for Names. Use of multiple namespaces is optional.',
    fields: {
      apiVersion: API_VERSION,
      kind: KIND,
      metadata: METADATA,
      spec: {
        type: 'NamespaceSpec',
        description: `Spec defines the behavior of the Namespace. More info: ${SPEC_STATUS}`,
      },
      status: {
        type: 'NamespaceStatus',
        description: `Status describes the current status of a Namespace. More info: ${SPEC_STATUS}`,
      },
    },
  },
  NamespaceSpec: {
    description: 'NamespaceSpec describes the attributes on a Namespace.',
    fields: {
      finalizers: {
        type: '[]string',
        description:
          'Finalizers is an opaque list of values that must be empty to permanently remove object from storage.',
      },
    },
  },
  NamespaceStatus: {
    description: 'NamespaceStatus is information about the current status of a Namespace.',
    fields: {
      phase: {
        type: 'string',
        enum: ['Active', 'Terminating'],
        description: 'Phase is the current lifecycle phase of the namespace.',
      },
    },
  },
  Node: {
    description:
      'Node is a worker node in Kubernetes. Each node will have a unique identifier in the cache (i.e. in etcd).',
    fields: {
      apiVersion: API_VERSION,
      kind: KIND,
      metadata: METADATA,
      spec: { type: 'NodeSpec', description: `Spec defines the behavior of a node. ${SPEC_STATUS}` },
      status: {
        type: 'NodeStatus',
        description: `Most recently observed status of the node. Populated by the system. Read-only. More info: ${SPEC_STATUS}`,
      },
    },
  },
  NodeSpec: {
    description: 'NodeSpec describes the attributes that a node is created with.',
    fields: {
      podCIDR: { type: 'string', description: 'PodCIDR represents the pod IP range assigned to the node.' },
      podCIDRs: {
        type: '[]string',
        description: 'podCIDRs represents the IP ranges assigned to the node for usage by Pods on that node.',
      },
    },
  },
  NodeStatus: {
    description: 'NodeStatus is information about the current status of a node.',
    fields: {
      addresses: {
        type: '[]NodeAddress',
        description: 'List of addresses reachable to the node. Queried from cloud provider, if available.',
      },
      conditions: {
        type: '[]NodeCondition',
        description: 'Conditions is an array of current observed node conditions.',
      },
    },
  },
  NodeAddress: {
    description: "NodeAddress contains information for the node's address.",
    fields: {
      address: { type: 'string', required: true, description: 'The node address.' },
      type: {
        type: 'string',
        required: true,
        description: 'Node address type, one of Hostname, ExternalIP or InternalIP.',
      },
    },
  },
  NodeCondition: {
    description: 'NodeCondition contains condition information for a node.',
    fields: {
      status: {
        type: 'string',
        required: true,
        description: 'Status of the condition, one of True, False, Unknown.',
      },
      type: { type: 'string', required: true, description: 'Type of node condition.' },
    },
  },
  Event: {
    description:
      'Event is a report of an event somewhere in the cluster. Events have a limited retention time and triggers and messages may evolve with time.',
    fields: {
      apiVersion: API_VERSION,
      count: { type: 'integer', description: 'The number of times this event has occurred.' },
      involvedObject: {
        type: 'ObjectReference',
        required: true,
        description: 'The object that this event is about.',
      },
      kind: KIND,
      message: {
        type: 'string',
        description: 'A human-readable description of the status of this operation.',
      },
      metadata: { ...METADATA, required: true },
      reason: {
        type: 'string',
        description:
          "This should be a short, machine understandable string that gives the reason for the transition into the object's current status.",
      },
      type: {
        type: 'string',
        description: 'Type of this event (Normal, Warning), new types could be added in the future',
      },
    },
  },
  ObjectReference: {
    description:
      'ObjectReference contains enough information to let you inspect or modify the referred object.',
    fields: {
      kind: { type: 'string', description: `Kind of the referent. More info: ${CONV}#types-kinds` },
      name: { type: 'string', description: 'Name of the referent.' },
      namespace: { type: 'string', description: 'Namespace of the referent.' },
      uid: { type: 'string', description: 'UID of the referent.' },
    },
  },
};
