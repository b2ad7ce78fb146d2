/**
 * Tags as removable chips with an autocomplete list of the tags already in use.
 * Enter or comma adds what was typed (or the highlighted suggestion); Backspace on an empty field
 * removes the last chip. Props only: the caller owns the list and the suggestions.
 */
import { useId, useMemo, useState } from 'preact/hooks';
import type { TargetedKeyboardEvent } from 'preact';
import { cleanTagName, tagKey } from '../lib/tags/normalize';

export interface TagInputProps {
  /** Accessible name of the text field, e.g. "Authors". */
  label: string;
  values: string[];
  suggestions: string[];
  onChange: (values: string[]) => void;
  placeholder?: string;
  maxSuggestions?: number;
}

export function TagInput({
  label,
  values,
  suggestions,
  onChange,
  placeholder,
  maxSuggestions = 8,
}: TagInputProps) {
  const id = useId();
  const [draft, setDraft] = useState('');
  const [active, setActive] = useState(-1);
  const taken = useMemo(() => new Set(values.map(tagKey)), [values]);

  const matches = useMemo(() => {
    const key = tagKey(draft);
    if (!key) return [];
    const starts: string[] = [];
    const contains: string[] = [];
    for (const name of suggestions) {
      const candidate = tagKey(name);
      if (taken.has(candidate)) continue;
      if (candidate.startsWith(key)) starts.push(name);
      else if (candidate.includes(key)) contains.push(name);
    }
    return [...starts, ...contains].slice(0, maxSuggestions);
  }, [draft, suggestions, taken, maxSuggestions]);

  const add = (name: string) => {
    const clean = cleanTagName(name);
    setDraft('');
    setActive(-1);
    if (!tagKey(clean) || taken.has(tagKey(clean))) return;
    onChange([...values, clean]);
  };
  const remove = (index: number) => onChange(values.filter((_, i) => i !== index));

  const onKeyDown = (event: TargetedKeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' && matches.length > 0) {
      event.preventDefault();
      setActive((active + 1) % matches.length);
    } else if (event.key === 'ArrowUp' && matches.length > 0) {
      event.preventDefault();
      setActive(active <= 0 ? matches.length - 1 : active - 1);
    } else if (event.key === 'Enter' || event.key === ',') {
      const choice = active >= 0 ? matches[active] : draft;
      if (choice && tagKey(choice)) {
        event.preventDefault();
        add(choice);
      }
    } else if (event.key === 'Escape' && draft) {
      event.preventDefault();
      setDraft('');
      setActive(-1);
    } else if (event.key === 'Backspace' && draft === '' && values.length > 0) {
      remove(values.length - 1);
    }
  };

  const listId = `${id}-list`;
  const open = matches.length > 0;
  return (
    <div class="tag-input">
      <label for={`${id}-field`} class="field-label">
        {label}
      </label>
      <ul class="chips" aria-label={`${label} chosen`}>
        {values.map((name, index) => (
          <li class="chip" key={tagKey(name)}>
            <span>{name}</span>
            <button type="button" aria-label={`Remove ${name}`} onClick={() => remove(index)}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <div class="combo">
        <input
          id={`${id}-field`}
          type="text"
          role="combobox"
          autocomplete="off"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={open && active >= 0 ? `${id}-opt-${active}` : undefined}
          placeholder={placeholder}
          value={draft}
          onInput={(event) => {
            setDraft(event.currentTarget.value.replace(/,/g, ''));
            setActive(-1);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => draft.trim() && add(draft)}
        />
        <ul id={listId} role="listbox" aria-label={`${label} suggestions`} hidden={!open}>
          {matches.map((name, index) => (
            <li
              id={`${id}-opt-${index}`}
              key={name}
              role="option"
              aria-selected={index === active}
              // mousedown, not click: it must win over the field's blur.
              onMouseDown={(event) => {
                event.preventDefault();
                add(name);
              }}
            >
              {name}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
