-- Training effectiveness is a cached report too: a training announced or completed moves the report version.
create trigger training_assignment_changed after insert or update or delete or truncate on training_assignment
    for each statement execute function bump_report_version();
