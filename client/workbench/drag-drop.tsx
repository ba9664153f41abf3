// Drag and drop (dnd-kit) between the field list and the rows, columns and filters zones, and
// within a zone to reorder. Pointer and keyboard (Space to lift, arrows, Space to drop) both
// work, and screen readers hear where a field goes. Every drop becomes one draft edit.
import {
  DndContext, DragOverlay, KeyboardSensor, PointerSensor, pointerWithin, rectIntersection, useDraggable, useDroppable,
  useSensor, useSensors, type CollisionDetection, type DragEndEvent, type DragStartEvent,
} from '@dnd-kit/core';
import { sortableKeyboardCoordinates, useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useState, type ReactNode } from 'react';
import type { Draft } from '../url/workbench-draft';
import { removeFilter, removeFromAxis, type Axis } from './draft-edits';
import { moveField } from './view-edits';

export type DropZone = Axis | 'filters' | 'fields';
/** What is being dragged: a field from the list, a chip on an axis, or a filter chip. */
export interface DragItem {
  readonly field: string;
  readonly label: string;
  readonly from: DropZone;
  /** A number field can only be a range filter, never a row or column. */
  readonly numeric?: boolean;
}
interface DropTarget { readonly zone: DropZone; readonly index?: number }

const dragId = (item: DragItem) => `${item.from}:${item.field}`;
const isDragItem = (x: unknown): x is DragItem => typeof x === 'object' && x !== null && 'field' in x && 'from' in x;
const isDropTarget = (x: unknown): x is DropTarget => typeof x === 'object' && x !== null && 'zone' in x;

// The pointer's position decides the target; the keyboard moves a rectangle, so fall back to overlap.
const collision: CollisionDetection = (args) => {
  const hits = pointerWithin(args);
  return hits.length > 0 ? hits : rectIntersection(args);
};

interface Props {
  draft: Draft;
  onChange: (edit: (d: Draft) => Draft) => void;
  /** A field dropped on the filters zone opens its filter editor. */
  onFilter: (field: string) => void;
  children: ReactNode;
}

/** The one drop → edit rule, pure so it is unit-tested. */
export function dropEdit(item: DragItem, target: DropTarget): { edit?: (d: Draft) => Draft; filter?: string } {
  if (target.zone === 'rows' || target.zone === 'columns') {
    if (item.numeric === true) return {};
    const axis = target.zone;
    return { edit: (d) => moveField(d, item.field, axis, target.index ?? d[axis].length) };
  }
  if (target.zone === 'filters') return { filter: item.field };
  // Back to the field list: take it off its axis, or drop its filter.
  if (item.from === 'rows' || item.from === 'columns') {
    const axis = item.from;
    return { edit: (d) => removeFromAxis(d, axis, d[axis].findIndex((r) => r.field === item.field)) };
  }
  if (item.from === 'filters') return { edit: (d) => removeFilter(d, item.field) };
  return {};
}

export function WorkbenchDnd({ onChange, onFilter, children }: Props) {
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const [active, setActive] = useState<DragItem | null>(null);

  const onDragStart = (e: DragStartEvent) => setActive(isDragItem(e.active.data.current) ? e.active.data.current : null);
  const onDragEnd = (e: DragEndEvent) => {
    setActive(null);
    const item = e.active.data.current;
    const target = e.over?.data.current;
    if (!isDragItem(item) || !isDropTarget(target)) return;
    if (target.zone === item.from && target.zone !== 'rows' && target.zone !== 'columns') return;
    const { edit, filter } = dropEdit(item, target);
    if (edit) onChange(edit);
    if (filter) onFilter(filter);
  };
  const name = (id: string | number) => String(id).split(':').slice(1).join(':');
  const zoneName = (over: { data: { current?: unknown } } | null) => {
    const t = over?.data.current;
    return isDropTarget(t) ? (t.zone === 'fields' ? 'the field list' : t.zone) : 'nowhere';
  };

  return (
    <DndContext sensors={sensors} collisionDetection={collision} onDragStart={onDragStart} onDragEnd={onDragEnd}
      onDragCancel={() => setActive(null)}
      accessibility={{
        screenReaderInstructions: { draggable: 'To move a field, press Space, use the arrow keys to choose rows, columns or filters, and press Space again to drop it, or Escape to cancel.' },
        announcements: {
          onDragStart: ({ active: a }) => `Picked up ${name(a.id)}.`,
          onDragOver: ({ active: a, over }) => `${name(a.id)} is over ${zoneName(over)}.`,
          onDragEnd: ({ active: a, over }) => `${name(a.id)} dropped on ${zoneName(over)}.`,
          onDragCancel: ({ active: a }) => `Moving ${name(a.id)} was cancelled.`,
        },
      }}>
      {children}
      <DragOverlay dropAnimation={null}>{active ? <span className="chip drag-overlay">{active.label}</span> : null}</DragOverlay>
    </DndContext>
  );
}

/** A field in the list: its grip is the drag handle. */
export function DraggableField({ item, children }: { item: DragItem; children: ReactNode }) {
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: dragId(item), data: item });
  return (
    <span className={`drag-source${isDragging ? ' is-dragging' : ''}`}>
      <button type="button" ref={setNodeRef} className="drag-handle" data-testid={`drag-${item.from}-${item.field}`}
        {...attributes} {...listeners} aria-label={`Drag ${item.label}`} aria-roledescription="draggable field">⠿</button>
      {children}
    </span>
  );
}

/** A chip on an axis or in the filters: sortable within its zone, draggable anywhere. */
export function SortableChip({ item, index, className, testId, children }: { item: DragItem; index: number; className: string; testId: string; children: ReactNode }) {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: dragId(item), data: { ...item, zone: item.from, index },
  });
  return (
    <li ref={setNodeRef} className={`${className}${isDragging ? ' is-dragging' : ''}`} data-testid={testId}
      style={{ transform: CSS.Translate.toString(transform), transition }}>
      <button type="button" className="drag-handle" data-testid={`drag-${item.from}-${item.field}`} {...attributes} {...listeners}
        aria-label={`Drag ${item.label}`} aria-roledescription="draggable field">⠿</button>
      {children}
    </li>
  );
}

/** A zone that accepts drops; `isOver` highlights it while a field hovers. */
export function DropArea({ zone, className, label, testId, children }: { zone: DropZone; className: string; label: string; testId: string; children: ReactNode }) {
  const { setNodeRef, isOver } = useDroppable({ id: `zone:${zone}`, data: { zone } satisfies DropTarget });
  return (
    <section ref={setNodeRef} className={`${className}${isOver ? ' is-drop-target' : ''}`} aria-label={label} data-testid={testId}>
      {children}
    </section>
  );
}
