// The playground's own copies of `numbers/` and `numbers-services/` (KIAMOL ch03, reference §A1).

export const api = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: numbers-api
spec:
  selector:
    matchLabels:
      app: numbers-api
  template:
    metadata:
      labels:
        app: numbers-api
    spec:
      containers:
        - name: api
          image: kiamol/ch03-numbers-api
`;

export const web = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: numbers-web
spec:
  selector:
    matchLabels:
      app: numbers-web
  template:
    metadata:
      labels:
        app: numbers-web
    spec:
      containers:
        - name: web
          image: kiamol/ch03-numbers-web
`;

/** Example 3-2. */
export const apiService = `apiVersion: v1
kind: Service
metadata:
  name: numbers-api
spec:
  ports:
    - port: 80
  selector:
    app: numbers-api
  type: ClusterIP
`;

/** Example 3-3: LoadBalancer, 8080 → 80. */
export const webService = `apiVersion: v1
kind: Service
metadata:
  name: numbers-web
spec:
  ports:
    - port: 8080
      targetPort: 80
  selector:
    app: numbers-web
  type: LoadBalancer
`;

/** The static file the ExternalName route serves: exactly `42`, no newline. */
export const rng = '42';

/** Example 3-4: NodePort 30080. */
export const webServiceNodePort = `apiVersion: v1
kind: Service
metadata:
  name: numbers-web-node
spec:
  ports:
    - port: 8080
      targetPort: 80
      nodePort: 30080
  selector:
    app: numbers-web
  type: NodePort
`;

export const apiServiceExternalName = `apiVersion: v1
kind: Service
metadata:
  name: numbers-api
spec:
  type: ExternalName
  externalName: raw.githubusercontent.com
`;

/** Not a true headless Service: no selector, a ClusterIP, and a hand-written Endpoints object. */
export const apiServiceHeadless = `apiVersion: v1
kind: Service
metadata:
  name: numbers-api
spec:
  type: ClusterIP
  ports:
    - port: 80
---
kind: Endpoints
apiVersion: v1
metadata:
  name: numbers-api
subsets:
  - addresses:
      - ip: 192.168.123.234
    ports:
      - port: 80
`;
