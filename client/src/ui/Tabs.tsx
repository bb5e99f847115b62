import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export interface TabDefinition {
  id: string;
  label: string;
  content: ReactNode;
}

/**
 * Accessible tabs (WAI-ARIA pattern, automatic activation): arrow keys, Home and End move between
 * tabs. Every panel stays mounted and is only hidden, so its live updates keep flowing.
 */
export function Tabs({
  label,
  tabs,
  idPrefix,
  onSelect,
}: {
  label: string;
  tabs: TabDefinition[];
  idPrefix: string;
  /** Told which tab is shown after a click or key (e.g. to count what arrives unseen). */
  onSelect?: (id: string) => void;
}) {
  const [chosen, choose] = useState(tabs[0]?.id);
  const setChosen = (id: string) => {
    choose(id);
    onSelect?.(id);
  };
  const buttons = useRef(new Map<string, HTMLButtonElement | null>());
  const active = tabs.some((t) => t.id === chosen) ? chosen : tabs[0]?.id;

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const last = tabs.length - 1;
    const target = {
      ArrowRight: index === last ? 0 : index + 1,
      ArrowLeft: index === 0 ? last : index - 1,
      Home: 0,
      End: last,
    }[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const id = tabs[target]!.id;
    setChosen(id);
    buttons.current.get(id)?.focus();
  };

  return (
    <div className="tabs">
      <div role="tablist" aria-label={label} className="tab-list">
        {tabs.map((tab, index) => (
          <button
            key={tab.id}
            ref={(el) => {
              buttons.current.set(tab.id, el);
            }}
            type="button"
            role="tab"
            id={`${idPrefix}-tab-${tab.id}`}
            aria-controls={`${idPrefix}-panel-${tab.id}`}
            aria-selected={tab.id === active}
            tabIndex={tab.id === active ? 0 : -1}
            className="tab"
            onClick={() => setChosen(tab.id)}
            onKeyDown={(e) => onKeyDown(e, index)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {tabs.map((tab) => (
        <div
          key={tab.id}
          role="tabpanel"
          id={`${idPrefix}-panel-${tab.id}`}
          aria-labelledby={`${idPrefix}-tab-${tab.id}`}
          hidden={tab.id !== active}
          className="tab-panel"
        >
          {tab.content}
        </div>
      ))}
    </div>
  );
}
