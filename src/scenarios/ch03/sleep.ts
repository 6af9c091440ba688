// The playground's own copies of the chapter's `sleep/` folder (KIAMOL ch03, reference §A1).

export const sleep1 = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: sleep-1
spec:
  selector:
    matchLabels:
      app: sleep-1
  template:
    metadata:
      labels:
        app: sleep-1
    spec:
      containers:
        - name: sleep
          image: kiamol/ch03-sleep
`;

export const sleep2 = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: sleep-2
spec:
  selector:
    matchLabels:
      app: sleep-2
  template:
    metadata:
      labels:
        app: sleep-2
    spec:
      containers:
        - name: sleep
          image: kiamol/ch03-sleep
`;

/** Example 3-1: a ClusterIP Service (no type, so ClusterIP; no targetPort, so 80). */
export const sleep2Service = `apiVersion: v1
kind: Service
metadata:
  name: sleep-2
spec:
  selector:
    app: sleep-2
  ports:
    - port: 80
`;
