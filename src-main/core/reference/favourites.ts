import type { ClassifierNode } from '../../../src-shared/domain/reference';
import { OtklikError } from '../../../src-shared/contract/errors';
import { isoNow, type CoreContext } from '../context';
import { toNode, type Classifier, type NodeRow } from './classifier';

/** Browsing the classifier tree and the office's favourite codes. */
export function createClassifierBrowser(ctx: CoreContext, classifier: Classifier) {
  const { db } = ctx;
  const childrenOf = db.prepare<[string | null], NodeRow & { childCount: number }>(
    `SELECT n.*, (SELECT count(*) FROM classifier_nodes c WHERE c.parent_code = n.code
       AND c.retired = 0) AS childCount
     FROM classifier_nodes n WHERE n.parent_code IS ? AND n.retired = 0 ORDER BY n.code`,
  );
  const favourites = db.prepare<[], NodeRow>(
    `SELECT n.* FROM classifier_favourites f JOIN classifier_nodes n ON n.code = f.code
     ORDER BY f.code`,
  );
  const add = db.prepare(
    'INSERT INTO classifier_favourites (code, added_at) VALUES (?, ?) ON CONFLICT DO NOTHING',
  );
  const remove = db.prepare('DELETE FROM classifier_favourites WHERE code = ?');

  return {
    /** The nodes under a parent (null: the sections), with how many nodes each has under it. */
    children(parent: string | null): (ClassifierNode & { childCount: number })[] {
      return childrenOf.all(parent).map((r) => ({ ...toNode(r), childCount: r.childCount }));
    },
    favourites(): ClassifierNode[] {
      return favourites.all().map(toNode);
    },
    setFavourite(code: string, favourite: boolean): ClassifierNode[] {
      if (favourite) {
        if (classifier.get([code]).length === 0) {
          throw new OtklikError('validation', code, [
            { path: 'code', message: 'unknown_code', params: { code } },
          ]);
        }
        add.run(code, isoNow(ctx));
      } else remove.run(code);
      return this.favourites();
    },
  };
}
