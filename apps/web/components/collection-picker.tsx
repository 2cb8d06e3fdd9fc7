'use client';
// Which collections a search or chat covers: all of yours (the default, sent as no collectionIds),
// or the ones ticked. Collections an administrator sees only as an administrator are offered too,
// marked, but never part of the default.
import type { Collection } from '@switchyard/client';
import { useEffect, useId, useState } from 'react';
import { api } from '../lib/api';
import { describeCollectionChoice } from '../lib/collections';

export interface CollectionPickerProps {
  /** null: every collection you own or are a member of. */
  value: string[] | null;
  onChange: (value: string[] | null) => void;
  disabled?: boolean;
}

export function CollectionPicker({ value, onChange, disabled }: CollectionPickerProps) {
  const [collections, setCollections] = useState<Collection[]>([]);
  const id = useId();

  useEffect(() => {
    let cancelled = false;
    api
      .listCollections()
      .then(({ collections: list }) => {
        if (!cancelled) setCollections(list);
      })
      .catch(() => undefined); // the picker stays on "All my collections"
    return () => {
      cancelled = true;
    };
  }, []);

  const toggle = (collectionId: string, checked: boolean) => {
    const current = value ?? collections.filter((collection) => !collection.viaAdmin).map((collection) => collection.id);
    const next = checked ? [...new Set([...current, collectionId])] : current.filter((item) => item !== collectionId);
    onChange(next.length === 0 ? null : next);
  };

  return (
    <details className="collection-picker" data-testid="collection-picker">
      <summary aria-label={`Collections: ${describeCollectionChoice(value, collections)}`} aria-disabled={disabled}>
        <span className="muted small">Collections</span> {describeCollectionChoice(value, collections)}
      </summary>
      <fieldset disabled={disabled} aria-describedby={`${id}-hint`}>
        <legend className="visually-hidden">Search in these collections</legend>
        <p id={`${id}-hint`} className="muted small">
          Answers and results come only from the collections ticked.
        </p>
        <label className="inline-check">
          <input type="checkbox" checked={value === null} onChange={(event) => event.target.checked && onChange(null)} />
          <span>All my collections</span>
        </label>
        {collections.map((collection) => (
          <label key={collection.id} className="inline-check">
            <input
              type="checkbox"
              checked={value === null ? !collection.viaAdmin : value.includes(collection.id)}
              onChange={(event) => toggle(collection.id, event.target.checked)}
            />
            <span>
              {collection.name}
              {collection.viaAdmin ? <span className="muted small"> (as administrator)</span> : null}
            </span>
          </label>
        ))}
      </fieldset>
    </details>
  );
}
