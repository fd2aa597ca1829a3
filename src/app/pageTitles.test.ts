import { PAGE, type PageId } from '@hybridlens/conventions';
import { pageTitle } from './pageTitles';

describe('page titles', () => {
  it("are the contract's page names, translatable", () => {
    for (const page of Object.keys(PAGE) as PageId[]) {
      expect(pageTitle(page)).toBe(PAGE[page].title);
    }
  });
});
