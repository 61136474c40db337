import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/** Creates the topics listed in a topics file that do not exist yet: java -cp "LIB/*" CreateTopics.java BOOTSTRAP FILE */
public class CreateTopics {

    public static void main(String[] args) throws Exception {
        List<NewTopic> wanted = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[1]))) {
            String[] parts = line.strip().split("\\s+");
            if (parts[0].isEmpty() || parts[0].startsWith("#")) {
                continue;
            }
            Map<String, String> configs = new HashMap<>();
            for (int i = 2; i < parts.length; i++) {
                String[] pair = parts[i].split("=", 2);
                configs.put(pair[0], pair[1]);
            }
            wanted.add(new NewTopic(parts[0], Integer.parseInt(parts[1]), (short) 1).configs(configs));
        }
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        try (Admin admin = Admin.create(properties)) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = wanted.stream().filter(topic -> !existing.contains(topic.name())).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
            }
            System.out.println("topics: " + missing.size() + " created, " + (wanted.size() - missing.size()) + " already there");
        }
    }
}
