// The chapter folder as the terminal's file system starts it: paths relative to `~/ch03`.
import * as lab from './lab';
import * as numbers from './numbers';
import * as sleep from './sleep';

export const CH03_DIR = '/home/student/ch03';

export const CH03_FILES: Readonly<Record<string, string>> = {
  'sleep/sleep1.yaml': sleep.sleep1,
  'sleep/sleep2.yaml': sleep.sleep2,
  'sleep/sleep2-service.yaml': sleep.sleep2Service,
  'numbers/api.yaml': numbers.api,
  'numbers/web.yaml': numbers.web,
  'numbers/api-service.yaml': numbers.apiService,
  'numbers/web-service.yaml': numbers.webService,
  'numbers/rng': numbers.rng,
  'numbers-services/web-service-nodePort.yaml': numbers.webServiceNodePort,
  'numbers-services/api-service-externalName.yaml': numbers.apiServiceExternalName,
  'numbers-services/api-service-headless.yaml': numbers.apiServiceHeadless,
  'lab/deployments.yaml': lab.deployments,
  'lab/README.md': lab.readme,
};
