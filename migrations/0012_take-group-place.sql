-- A place in a working group, taken in one statement (issue 17). The group's row lock, the count
-- and the insert used to be separate round trips from the app while the lock was held, so 200
-- people choosing at once queued on three locks and on the pool. Here the lock is held only
-- while Postgres runs these few lines. Each statement of a volatile plpgsql function sees a new
-- snapshot, so the count after the lock includes every place taken by whoever held it before:
-- no group ends up over its capacity.
CREATE FUNCTION take_group_place(
  p_phase uuid,
  p_person uuid,
  p_room uuid,
  p_source assignment_source,
  p_refuse_change boolean
) RETURNS TABLE (outcome text, previous_room_id uuid, group_name text, group_capacity integer)
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  taken integer;
BEGIN
  SELECT r.name, r.capacity INTO group_name, group_capacity
    FROM phase_rooms pr JOIN rooms r ON r.id = pr.room_id
    WHERE pr.phase_id = p_phase AND pr.room_id = p_room
    FOR UPDATE OF r;
  IF NOT FOUND THEN
    outcome := 'no_group';
    RETURN NEXT;
    RETURN;
  END IF;
  SELECT a.room_id INTO previous_room_id
    FROM assignments a WHERE a.phase_id = p_phase AND a.person_id = p_person;
  IF previous_room_id = p_room THEN
    outcome := 'unchanged';
  ELSIF previous_room_id IS NOT NULL AND p_refuse_change THEN
    outcome := 'has_group';
  ELSE
    IF group_capacity IS NOT NULL THEN
      SELECT count(*) INTO taken
        FROM assignments a WHERE a.phase_id = p_phase AND a.room_id = p_room;
    END IF;
    IF group_capacity IS NOT NULL AND taken >= group_capacity THEN
      outcome := 'full';
    ELSE
      INSERT INTO assignments AS a (phase_id, person_id, room_id, source)
        VALUES (p_phase, p_person, p_room, p_source)
        ON CONFLICT (phase_id, person_id)
        DO UPDATE SET room_id = excluded.room_id, source = excluded.source, assigned_at = now();
      outcome := 'assigned';
    END IF;
  END IF;
  RETURN NEXT;
END
$$;
