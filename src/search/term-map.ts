/**
 * MiniSearch's term map with each term's entry also kept in a plain Map. MiniSearch looks a term up in its radix
 * tree once for every word it indexes, walking the tree's nodes key by key; that walk is most of the time a first
 * build takes. The plain Map answers the lookups of terms already seen in one step, and the tree is still where
 * every term lives, so prefix and typo searches are unchanged. MiniSearch keeps its term map in the protected
 * `_index` field, which this module's subclass fills with the map below.
 */
import MiniSearch, { type Options } from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';

class RememberingMap<T> extends SearchableMap<T> {
  private readonly known = new Map<string, T>();

  override fetch(key: string, initial: () => T): T {
    let value = this.known.get(key);
    if (value === undefined) {
      value = super.fetch(key, initial);
      this.known.set(key, value);
    }
    return value;
  }

  // Every other way of changing an entry forgets the remembered one; the tree is asked again next time.
  override set(key: string, value: T): this {
    this.known.delete(key);
    super.set(key, value);
    return this;
  }

  override update(key: string, fn: (value: T | undefined) => T): this {
    this.known.delete(key);
    super.update(key, fn);
    return this;
  }

  override delete(key: string): void {
    this.known.delete(key);
    super.delete(key);
  }

  override clear(): void {
    this.known.clear();
    super.clear();
  }
}

/** A MiniSearch whose indexing looks each known term up in one step (an index loaded from JSON is a plain one). */
export class FastAddMiniSearch<T> extends MiniSearch<T> {
  constructor(options: Options<T>) {
    super(options);
    // The package declares its map twice (in each of its entry points); the two types differ only in name.
    this._index = new RememberingMap() as never;
  }
}
