import { useEffect, useState } from 'react';
import type { ClassifierNode, Official, Service } from '../../../src-shared/domain/reference';
import { call } from '../../api/client';

export interface Reference {
  officials: Official[];
  services: Service[];
  sections: ClassifierNode[];
}

/** Officials, services and classifier sections for selects; loaded once per page. */
export function useReference(): Reference {
  const [reference, setReference] = useState<Reference>({
    officials: [],
    services: [],
    sections: [],
  });
  useEffect(() => {
    let live = true;
    Promise.all([
      call('officials.list', {}),
      call('services.list', {}),
      call('classifier.sections', {}),
    ]).then(
      ([officials, services, sections]) => {
        if (live) setReference({ officials, services, sections });
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return reference;
}
