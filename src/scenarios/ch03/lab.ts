// The lab folder (KIAMOL ch03 §3.6): an API and two versions of the web app; the student writes
// the Services. Both web Deployments carry app=lab-numbers-web, so only `version` tells them apart.

export const deployments = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: lab-numbers-api
spec:
  selector:
    matchLabels:
      app: lab-numbers-api
      version: v1
  template:
    metadata:
      labels:
        app: lab-numbers-api
        version: v1
    spec:
      containers:
        - name: api
          image: kiamol/ch03-numbers-api
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: lab-numbers-web
spec:
  selector:
    matchLabels:
      app: lab-numbers-web
      version: v1
  template:
    metadata:
      labels:
        app: lab-numbers-web
        version: v1
    spec:
      containers:
        - name: web
          image: kiamol/ch03-numbers-web
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: lab-numbers-web-v2
spec:
  selector:
    matchLabels:
      app: lab-numbers-web
      version: v2
  template:
    metadata:
      labels:
        app: lab-numbers-web
        version: v2
    spec:
      containers:
        - name: web
          image: kiamol/ch03-numbers-web:v2
`;

export const readme = `# Lab: Services for the random number app

Deploy the API and two versions of the web app:

\`\`\`
kubectl apply -f deployments.yaml

kubectl get pods
\`\`\`

> There are two versions of the web app running.

Your job: write Services (in a new file, e.g. \`services.yaml\`) so that

1. the web Pods can reach the API at the DNS name \`numbers-api\`, and
2. version 2 of the web app is reachable from outside the cluster on port 8088.

Look closely at the Pod labels: a selector that is too broad sends traffic to both versions.
Then browse to http://localhost:8088.
`;
