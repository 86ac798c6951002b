/**
 * Collections (playlists) per account (pcloud-api.md §5): names unique per account, ordered
 * items with 1-based positions, system collections created on an account's first listing.
 * Files are referenced by id only; whether a file still exists is the method layer's concern.
 */
import { ApiFailure } from '../api/api-failure.js';

/** Collection type codes: 0 generic (any file), 1 audio (playlists). */
export type CollectionType = 0 | 1;

export interface CollectionItem {
  fileid: number;
  /** Unix seconds. */
  added: number;
}

export interface Collection {
  id: number;
  userid: number;
  name: string;
  type: CollectionType;
  /** Created by the server; cannot be renamed, changed or deleted. */
  system: boolean;
  /** Which system list it is (values UNCONFIRMED by pCloud; ours: 1, 2). */
  subtype?: number;
  created: number;
  modified: number;
  /** In order: position N is `items[N - 1]`. */
  items: CollectionItem[];
}

/** The system collections every account gets (names from pCloud's web app; subtypes ours). */
const SYSTEM_COLLECTIONS: ReadonlyArray<{ name: string; subtype: number }> = [
  { name: 'Most Listened', subtype: 1 },
  { name: 'Recently Added', subtype: 2 },
];

/** What `--data-dir` persistence saves of the collections. */
export interface CollectionSnapshot {
  collections: Collection[];
  listedUsers: number[];
  nextId: number;
}

/** All accounts' collections. */
export class CollectionStore {
  private readonly byId = new Map<number, Collection>();
  private readonly listedUsers = new Set<number>();
  private nextId = 1;
  /** Called after every change (persistence schedules a save). */
  onChange: () => void = () => undefined;

  /** The whole store as plain data. */
  snapshot(): CollectionSnapshot {
    return { collections: [...this.byId.values()], listedUsers: [...this.listedUsers], nextId: this.nextId };
  }

  /** Replaces the store's content with a snapshot. */
  restore(snapshot: CollectionSnapshot): void {
    this.byId.clear();
    for (const collection of snapshot.collections) this.byId.set(collection.id, collection);
    this.listedUsers.clear();
    for (const userid of snapshot.listedUsers) this.listedUsers.add(userid);
    this.nextId = snapshot.nextId;
  }

  /** `collection_list`: the account's collections by id, creating the system ones the first time. */
  list(userid: number, now: number): Collection[] {
    if (!this.listedUsers.has(userid)) {
      this.listedUsers.add(userid);
      for (const { name, subtype } of SYSTEM_COLLECTIONS) this.insert({ userid, name, type: 1, system: true, subtype, created: now });
      this.onChange();
    }
    return [...this.byId.values()].filter((c) => c.userid === userid);
  }

  /** The account's collection `id`; 2065 when it has none by that id. */
  get(userid: number, id: number): Collection {
    const found = this.byId.get(id);
    if (!found || found.userid !== userid) throw new ApiFailure(2065);
    return found;
  }

  /** A collection the caller may change: system collections answer 2065 like missing ones. */
  editable(userid: number, id: number): Collection {
    const found = this.get(userid, id);
    if (found.system) throw new ApiFailure(2065);
    return found;
  }

  /** `collection_create`; 2073 when the account already has a collection of that name. */
  create(userid: number, name: string, type: CollectionType, now: number): Collection {
    this.assertNameFree(userid, name, undefined);
    const collection = this.insert({ userid, name, type, system: false, created: now });
    this.onChange();
    return collection;
  }

  /** `collection_rename`. */
  rename(collection: Collection, name: string, now: number): void {
    this.assertNameFree(collection.userid, name, collection.id);
    collection.name = name;
    collection.modified = now;
    this.onChange();
  }

  /** `collection_delete`. */
  delete(collection: Collection): void {
    this.byId.delete(collection.id);
    this.onChange();
  }

  /** Appends a file at the end; false when it is already in the collection (not added twice). */
  append(collection: Collection, fileid: number, now: number): boolean {
    if (collection.items.some((item) => item.fileid === fileid)) return false;
    collection.items.push({ fileid, added: now });
    collection.modified = now;
    this.onChange();
    return true;
  }

  /** Removes the items for which `drop(item, position)` is true. */
  remove(collection: Collection, drop: (item: CollectionItem, position: number) => boolean, now: number): void {
    collection.items = collection.items.filter((item, index) => !drop(item, index + 1));
    collection.modified = now;
    this.onChange();
  }

  /** Moves the item at position `from` to position `to` (both 1-based); 2066 when either is out of range. */
  move(collection: Collection, from: number, to: number, now: number): void {
    const count = collection.items.length;
    if (!Number.isInteger(from) || !Number.isInteger(to) || from < 1 || to < 1 || from > count || to > count) throw new ApiFailure(2066);
    const [item] = collection.items.splice(from - 1, 1);
    if (item) collection.items.splice(to - 1, 0, item);
    collection.modified = now;
    this.onChange();
  }

  private assertNameFree(userid: number, name: string, except: number | undefined): void {
    for (const c of this.byId.values()) if (c.userid === userid && c.name === name && c.id !== except) throw new ApiFailure(2073);
  }

  private insert(init: Omit<Collection, 'id' | 'items' | 'modified'>): Collection {
    const collection: Collection = { ...init, id: this.nextId++, modified: init.created, items: [] };
    this.byId.set(collection.id, collection);
    return collection;
  }
}
