// A row of figure cards: the figure's name, its value, what it is based on, and the comparison period's value when
// one is chosen. The waiting list's and the queue's figures use it.

export interface FigureCard {
  figure: string;
  title: string;
  value: string;
  base: string;
  /** The comparison period's value; absent without a comparison. */
  previous?: string;
}

export function FigureCards({ cards, previousLabel }: { cards: FigureCard[]; previousLabel: string }) {
  return (
    <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
      {cards.map((card) => (
        <li key={card.figure} className="rounded border border-line bg-white p-4" data-figure={card.figure}>
          <p className="font-semibold">{card.title}</p>
          <p className="text-3xl font-bold tabular-nums" data-value>
            {card.value}
          </p>
          <p className="text-sm text-muted">{card.base}</p>
          {card.previous !== undefined && (
            <p className="mt-1 text-sm" data-previous>
              {previousLabel}: {card.previous}
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
